import { boundedMemoryDriver } from '../storage/bounded-memory'

/**
 * Rendered pages kept by the route cache: at most this many, least recently
 * used out. The cache key includes the query string, so without a bound a
 * client requesting `?1`, `?2`, … would fill the server's memory. A page is
 * 20–60 KB: the bound keeps the cache under ~60 MB per replica.
 */
const ROUTE_CACHE_MAX_ENTRIES = 1000

export default defineNitroPlugin(() => {
  const storage = useStorage()
  // `nuxt dev` and the prerenderer mount a cache storage of their own.
  if (storage.getMount('cache:').base === 'cache:') return
  storage.mount('cache', boundedMemoryDriver({ maxEntries: ROUTE_CACHE_MAX_ENTRIES }))
})
