import type { H3Event } from 'h3'

/**
 * Per-client request budgets, in memory: a sliding window approximated by
 * two fixed windows (the previous one weighted by how much of it still
 * overlaps). Per server process — Traefik's rate limit covers the edge
 * across replicas; this one protects each process and the database.
 */
interface Window {
  start: number
  count: number
  previous: number
}

const buckets = new Map<string, Map<string, Window>>()
const MAX_KEYS_PER_BUCKET = 50_000

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number
  windowSeconds: number
}

/** Counts one hit for `key`; returns how long to wait in seconds, or 0 when allowed. */
export function hitRateLimit(bucket: string, key: string, { limit, windowSeconds }: RateLimit, now = Date.now()): number {
  let windows = buckets.get(bucket)
  if (!windows) buckets.set(bucket, windows = new Map())
  const size = windowSeconds * 1000
  const start = Math.floor(now / size) * size
  let window = windows.get(key)
  if (!window || window.start < start - size) window = { start, count: 0, previous: 0 }
  else if (window.start < start) window = { start, count: 0, previous: window.count }
  const overlap = 1 - (now - start) / size
  const estimate = window.previous * overlap + window.count
  if (estimate >= limit) {
    windows.set(key, window)
    return Math.max(1, Math.ceil((start + size - now) / 1000))
  }
  window.count++
  windows.set(key, window)
  // A flood of distinct clients must not grow memory without bound.
  if (windows.size > MAX_KEYS_PER_BUCKET) {
    for (const [staleKey, stale] of windows) {
      if (stale.start < start) windows.delete(staleKey)
    }
    if (windows.size > MAX_KEYS_PER_BUCKET) windows.clear()
  }
  return 0
}

/** The client address as seen by the first proxy we trust (Traefik sets X-Forwarded-For). */
export function clientAddress(event: H3Event): string {
  return getRequestIP(event, { xForwardedFor: true }) ?? 'unknown'
}

/**
 * Throws 429 `{ detail, code: 'rate_limited' }` with Retry-After when the
 * client has used its budget for `bucket`.
 */
export function enforceRateLimit(event: H3Event, bucket: string, limit: RateLimit) {
  const retryAfter = hitRateLimit(bucket, clientAddress(event), limit)
  if (retryAfter > 0) {
    setResponseHeader(event, 'retry-after', retryAfter)
    throw apiError(429, 'rate_limited', `Trop de requêtes. Réessayez dans ${retryAfter} secondes.`)
  }
}

/** Test helper: forget every counter. */
export function resetRateLimits() {
  buckets.clear()
}

/** Visitor forms: a person sends a few messages in 10 minutes, not dozens (NUXT_FORMS_RATE_LIMIT). */
export function formRateLimit(): RateLimit {
  return { limit: Number(useRuntimeConfig().forms.rateLimit) || 5, windowSeconds: 600 }
}

/** Confirmation and unsubscribe links: guessing tokens must be slow. */
export const TOKEN_RATE_LIMIT: RateLimit = { limit: 20, windowSeconds: 600 }
