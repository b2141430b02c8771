/**
 * Delivers the outbox in the background: every NUXT_OUTBOX_POLL_SECONDS (5 s
 * by default) and right after a form is stored. Not during prerender.
 */
export default defineNitroPlugin((nitroApp) => {
  if (import.meta.prerender) return
  const seconds = Number(useRuntimeConfig().outbox.pollSeconds) || 5
  const timer = setInterval(kickOutbox, seconds * 1000)
  // The timer alone must not keep the process alive (build, tests, shutdown).
  timer.unref()
  nitroApp.hooks.hook('close', () => clearInterval(timer))
})
