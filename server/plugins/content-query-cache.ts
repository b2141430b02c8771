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
 * Not during prerender: the build renders each page once anyway.
 */
export default defineNitroPlugin((nitroApp) => {
  if (import.meta.prerender) return
  const cache = useContentQueryCache()
  nitroApp.hooks.hook('request', (event) => {
    event.context.contentQueries = cache
  })
})
