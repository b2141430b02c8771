/**
 * Outside production every response tells crawlers to stay away, robots.txt
 * says the same. A request hook, unlike a middleware, also runs before
 * Nitro serves a prerendered file.
 */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('request', (event) => {
    if (useRuntimeConfig(event).public.siteEnv !== 'production') {
      setResponseHeader(event, 'x-robots-tag', 'noindex, nofollow')
    }
  })
})
