/**
 * Refreshing published routes in every cache between Sanity and a visitor:
 * first Nitro's route cache (emptied, so the next render reads the new
 * content), then the nginx edge through its refresh contract
 * (docker/nginx/templates/default.conf.template): `GET <route>` with the
 * public Host and `X-Cache-Refresh: <token>` makes nginx fetch the route
 * again and store the new answer in place of the old one. Without an edge
 * (embedded default, tests) the swr routes are rendered once locally so the
 * next visitor gets a cache hit with the new content.
 */
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'

export interface EdgeConfig {
  /** Base URL of nginx as the app reaches it, e.g. http://nginx:8080. */
  url: string
  token: string
  /** Public host name of the site (part of nginx's cache key). */
  host: string
}

export interface RefreshFailure {
  route: string
  status?: number
  error?: string
}

export interface RefreshReport {
  routes: number
  /** Nitro cache entries removed. */
  purged: number
  /** Routes fetched again (through nginx, or rendered locally). */
  refreshed: number
  failures: RefreshFailure[]
  durationMs: number
}

export interface RefreshOptions {
  purge: (routes: readonly string[] | 'all') => Promise<number>
  /** The nginx edge; absent: no edge in front. */
  edge?: EdgeConfig
  /** Renders a route locally (no edge), returning the HTTP status. */
  warm?: (route: string) => Promise<number>
  /** Routes worth warming locally: the ones Nitro caches. */
  isCachedRoute?: (route: string) => boolean
  concurrency?: number
  timeoutMs?: number
  /** Routes to refresh before the others (the changed document's own page). */
  first?: readonly string[]
}

/** The changed document's page first, the sitemap (nobody waits for it) last. */
function refreshOrder(routes: readonly string[], first: readonly string[] = []): string[] {
  const rank = (route: string) => first.includes(route) ? 0 : route === '/sitemap.xml' ? 2 : 1
  return [...routes].sort((a, b) => rank(a) - rank(b))
}

/** One GET through nginx with the refresh header; resolves to the status. Node's http, since fetch may not set Host. */
export function requestEdgeRefresh(edge: EdgeConfig, route: string, timeoutMs = 15_000): Promise<number> {
  const url = new URL(route, edge.url)
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const request = send(url, {
      method: 'GET',
      headers: { 'host': edge.host || url.host, 'x-cache-refresh': edge.token, 'user-agent': 'gpm-site-publish' },
      timeout: timeoutMs,
    }, (response) => {
      // Read to the end: nginx stores the entry once the answer is complete.
      response.resume()
      response.on('end', () => resolve(response.statusCode ?? 0))
      response.on('error', reject)
    })
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    request.on('error', reject)
    request.end()
  })
}

async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!)
  })
  await Promise.all(workers)
}

export interface StartedRefresh {
  /** Nitro cache entries removed (done before this resolves). */
  purged: number
  /** The edge refresh or local warm-up, under way. */
  done: Promise<RefreshReport>
}

/**
 * Purges Nitro's copies of `routes` and resolves; the refresh at the edge (or
 * the local warm-up of the cached routes) goes on in `done`. A 5xx or no
 * answer is a failure; a 404 is expected (the old address of a renamed or
 * deleted document).
 */
export async function startRefresh(routes: readonly string[], all: boolean, options: RefreshOptions): Promise<StartedRefresh> {
  const started = performance.now()
  const purged = await options.purge(all ? 'all' : routes)
  const fetchRoute = options.edge
    ? (route: string) => requestEdgeRefresh(options.edge!, route, options.timeoutMs)
    : options.warm
  const ordered = refreshOrder(routes, options.first)
  const targets = options.edge ? ordered : ordered.filter(route => options.isCachedRoute?.(route) ?? false)
  const done = (async (): Promise<RefreshReport> => {
    const failures: RefreshFailure[] = []
    let refreshed = 0
    if (fetchRoute) {
      await eachLimited(targets, options.concurrency ?? 4, async (route) => {
        try {
          const status = await fetchRoute(route)
          if (status >= 500 || status === 0) failures.push({ route, status })
          else refreshed++
        }
        catch (error) {
          failures.push({ route, error: (error as Error).message })
        }
      })
    }
    return { routes: routes.length, purged, refreshed, failures, durationMs: Math.round(performance.now() - started) }
  })()
  return { purged, done }
}
