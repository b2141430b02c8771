import type { ContentQueryCache } from '../utils/content-query-cache'

declare module 'h3' {
  interface H3EventContext {
    /** Published query results shared by renders (composables/useContentQuery.ts reads it). */
    contentQueries?: ContentQueryCache
  }
}

/**
 * Hands the process's content query cache to the renders: the Vue app is a
 * separate bundle and reaches server state only through its request's event.
 * Not during prerender (the build renders each page once anyway), nor in
 * `nuxt dev`, which has no webhook and should show a publish at once.
 */
export default defineNitroPlugin((nitroApp) => {
  if (import.meta.prerender || import.meta.dev) return
  const cache = useContentQueryCache()
  nitroApp.hooks.hook('request', (event) => {
    event.context.contentQueries = cache
  })
})
