/**
 * Published content query results kept in memory between renders.
 *
 * Every page render asks the content API the same few questions (site layout,
 * the page's document); the answers change only when an editor publishes. So
 * the server keeps each answer for a minute and drops them all at once when a
 * publish reaches this process (the webhook, another replica's broadcast or
 * the edge's refresh request): a render after a publish always asks again.
 *
 * Only the `published` perspective is kept: preview renders never use it.
 * Results are deep-frozen, so a render cannot change what the next one reads
 * (and Vue does not wrap frozen objects in reactive proxies).
 */
export interface ContentQueryCache {
  /** The result for `key`: the kept one while fresh, else `load()` (joined by concurrent callers). */
  fetch: <T>(key: string, load: () => Promise<T>) => Promise<T>
  /** Drops every kept result (a publish). */
  clear: () => void
  readonly size: number
}

export interface ContentQueryCacheOptions {
  /** How long a result is reused without a publish, in ms. */
  maxAgeMs?: number
  /** Kept results at most; the oldest goes first. */
  maxEntries?: number
  now?: () => number
}

/** A minute: the longest a result can lag behind a publish whose webhook never arrived. */
export const CONTENT_QUERY_MAX_AGE_MS = 60_000
const MAX_ENTRIES = 500

export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value
  for (const child of Object.values(value)) deepFreeze(child)
  return Object.freeze(value)
}

export function createContentQueryCache(options: ContentQueryCacheOptions = {}): ContentQueryCache {
  const maxAgeMs = options.maxAgeMs ?? CONTENT_QUERY_MAX_AGE_MS
  const maxEntries = options.maxEntries ?? MAX_ENTRIES
  const now = options.now ?? Date.now
  const entries = new Map<string, { at: number, result: Promise<unknown> }>()

  return {
    fetch<T>(key: string, load: () => Promise<T>): Promise<T> {
      const kept = entries.get(key)
      if (kept && now() - kept.at < maxAgeMs) return kept.result as Promise<T>
      entries.delete(key)
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!)
      const entry = { at: now(), result: load().then(deepFreeze) }
      entries.set(key, entry)
      // A failure is not kept: the next render asks again.
      entry.result.catch(() => {
        if (entries.get(key) === entry) entries.delete(key)
      })
      return entry.result as Promise<T>
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size
    },
  }
}

let shared: ContentQueryCache | undefined

/** This process's cache, shared by every render. */
export function useContentQueryCache(): ContentQueryCache {
  shared ??= createContentQueryCache()
  return shared
}

/** After a publish: the next render of any page asks the content API again. */
export function clearContentQueryCache() {
  shared?.clear()
}
