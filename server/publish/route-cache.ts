/**
 * Nitro's own cache of the `swr` routes (home, catalogue, formation pages),
 * emptied route by route after a publish. It must be emptied BEFORE nginx is
 * asked to refresh, or nginx would store Nitro's stale copy again.
 *
 * How Nitro 2 names those entries (nitropack/dist/runtime/internal/cache.mjs,
 * defineCachedEventHandler with group "nitro/routes" and the default name
 * "_"): `cache:nitro:routes:_:<prefix>.<hash>[:HEAD].json`, where <prefix> is
 * the request's pathname stripped of non-word characters and cut to 16
 * characters ("index" for /), and <hash> is Nitro's hash of the full request
 * URL, query string included. The same hash function is imported from Nitro
 * below, so the key of a known URL is computed exactly; query-string variants
 * (`/formations?categorie=…`, `?utm_source=…`) are found through an index of
 * the keys this process has served, or through the prefix when it is not
 * truncated and so names the pathname alone.
 */
import { hash } from 'nitropack/runtime/internal/hash'

export const ROUTE_CACHE_BASE = 'cache:nitro:routes'
/** Where @nuxtjs/sitemap keeps its cached sitemap (its `base: 'sitemap'`). */
export const SITEMAP_CACHE_BASE = 'sitemap'
const PREFIX_LENGTH = 16
const MAX_INDEXED_KEYS = 10_000

export interface CacheStorage {
  getKeys(base?: string): Promise<string[]>
  removeItem(key: string): Promise<void>
}

const pathnameOf = (url: string) => url.split(/[?#]/)[0] || '/'
const escapeKey = (value: string) => value.replace(/\W/g, '')

function decodedPathname(url: string): string | undefined {
  try {
    return decodeURI(pathnameOf(url))
  }
  catch {
    return undefined
  }
}

/** The <prefix> part of a cache key for a URL, as Nitro computes it. */
export function routeCachePrefix(url: string): string {
  const pathname = decodedPathname(url)
  if (pathname === undefined) return '-'
  return escapeKey(pathname).slice(0, PREFIX_LENGTH) || 'index'
}

/** `<prefix>.<hash>`: the cache key of a GET request to `url` (path and query string). */
export function routeCacheKey(url: string): string {
  return `${routeCachePrefix(url)}.${hash(url)}`
}

/** `<prefix>.<hash>` of a stored key (`cache:nitro:routes:<name>:<key>[:HEAD].json`), or undefined. */
export function parseStoredKey(stored: string): string | undefined {
  if (!stored.startsWith(`${ROUTE_CACHE_BASE}:`)) return undefined
  const [, key] = stored.slice(ROUTE_CACHE_BASE.length + 1).split(':')
  return key?.replace(/\.json$/, '')
}

/**
 * Keys served by this process and the pathname each belongs to, so a
 * pathname's query-string variants can be found when its prefix is
 * truncated. Bounded: the oldest entries go first.
 */
export function createRouteKeyIndex(limit = MAX_INDEXED_KEYS) {
  const pathnames = new Map<string, string>()
  return {
    record(url: string) {
      const key = routeCacheKey(url)
      if (pathnames.has(key)) return
      pathnames.set(key, normalisedPathname(url))
      if (pathnames.size > limit) pathnames.delete(pathnames.keys().next().value!)
    },
    pathnameOf: (key: string) => pathnames.get(key),
    size: () => pathnames.size,
  }
}

export type RouteKeyIndex = ReturnType<typeof createRouteKeyIndex>

function normalisedPathname(url: string): string {
  return (decodedPathname(url) ?? pathnameOf(url)).replace(/(.)\/+$/, '$1')
}

/** Whether a stored key (`<prefix>.<hash>`) holds a copy of `route`. */
function belongsTo(key: string, route: string, index?: RouteKeyIndex): boolean {
  if (key === routeCacheKey(route)) return true
  if (route.includes('?')) return false
  const pathname = normalisedPathname(route)
  const indexed = index?.pathnameOf(key)
  if (indexed !== undefined) return indexed === pathname
  // Not served by this process (a shared cache storage): the prefix decides when it is whole.
  const prefix = routeCachePrefix(route)
  return prefix.length < PREFIX_LENGTH && key.split('.')[0] === prefix
}

/**
 * Removes the cached copies of `routes` ('all': of every route) from Nitro's
 * route cache, and the cached sitemap when it is one of them. Returns how
 * many entries were removed.
 */
export async function purgeRouteCache(storage: CacheStorage, routes: readonly string[] | 'all', index?: RouteKeyIndex): Promise<number> {
  const stored = await storage.getKeys(ROUTE_CACHE_BASE)
  const doomed = stored.filter((storedKey) => {
    const key = parseStoredKey(storedKey)
    if (key === undefined) return false
    return routes === 'all' || routes.some(route => belongsTo(key, route, index))
  })
  if (routes === 'all' || routes.includes('/sitemap.xml')) doomed.push(...await storage.getKeys(SITEMAP_CACHE_BASE))
  await Promise.all(doomed.map(key => storage.removeItem(key)))
  return doomed.length
}
