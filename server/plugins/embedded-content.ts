/**
 * In the embedded default (no Sanity project set) the dataset shipped in
 * content/ is served by a local Content Lake. This runs in `nuxt dev`, during
 * prerender and in the production server alike; requests wait until it listens.
 */
export default defineNitroPlugin((nitroApp) => {
  const starting = startEmbeddedContentLake()
  if (!starting) return
  nitroApp.hooks.hook('request', async () => {
    await starting
  })
  nitroApp.hooks.hook('close', async () => {
    await stopEmbeddedContentLake()
  })
})
