import { sameSecret } from '../utils/same-secret'
import { levelForStatus, logJson, REQUEST_ID_HEADER, requestIdFrom, routeLabel } from '../observability/request-log'

declare module 'h3' {
  interface H3EventContext {
    /** From X-Request-Id when well formed, generated otherwise; on every log line of the request. */
    requestId?: string
    requestStartedAt?: number
    /** Set when the page was rendered for this request (a cache miss on the swr routes). */
    pageRendered?: boolean
  }
}

/**
 * Request ids, one JSON log line per request, and the HTTP and cache metrics
 * of /metrics. Nothing during prerender: the build is not traffic.
 */
export default defineNitroPlugin((nitroApp) => {
  if (import.meta.prerender) return
  const metrics = useAppMetrics()
  const routeKeys = useRouteKeyIndex()

  nitroApp.hooks.hook('request', async (event) => {
    event.context.requestStartedAt = performance.now()
    const requestId = requestIdFrom(event.node.req.headers[REQUEST_ID_HEADER])
    event.context.requestId = requestId
    setResponseHeader(event, REQUEST_ID_HEADER, requestId)
    // The refresh contract, when the request reaches the app with its header
    // (another replica than the one that received the webhook, or no nginx
    // in between): drop this process's copy, and its kept content query
    // results, so the route is rendered again from fresh content.
    const refresh = event.node.req.headers['x-cache-refresh']
    if (typeof refresh !== 'string') return
    const token = useRuntimeConfig(event).cacheRefreshToken
    if (token && sameSecret(refresh, token)) {
      await purgePublishedRoutes([event.node.req.originalUrl ?? event.path])
    }
  })

  // The cached handler shares the request's context with the render it runs,
  // so a render during the request marks a miss.
  nitroApp.hooks.hook('render:html', (_html, { event }) => {
    event.context.pageRendered = true
  })

  nitroApp.hooks.hook('afterResponse', (event) => {
    const started = event.context.requestStartedAt
    if (started === undefined) return
    const durationSeconds = (performance.now() - started) / 1000
    const url = event.node.req.originalUrl ?? event.path
    const status = event.node.res.statusCode
    const route = routeLabel(url, event.context.matchedRoute?.path)
    metrics.httpRequests.inc({ route, method: event.method, status: String(status) })
    metrics.httpDuration.observe({ route }, durationSeconds)

    const cache = getRouteRules(event).cache
    if (cache && (event.method === 'GET' || event.method === 'HEAD')) {
      // An entry older than its max age was served while being rendered again.
      const lastModified = Date.parse(String(event.node.res.getHeader('last-modified') ?? ''))
      const maxAgeMs = Number(cache.maxAge ?? 0) * 1000
      const stale = maxAgeMs > 0 && Number.isFinite(lastModified) && Date.now() - lastModified > maxAgeMs
      metrics.cacheRequests.inc({ result: stale ? 'stale' : event.context.pageRendered ? 'miss' : 'hit' })
      routeKeys.record(url)
    }

    logJson(levelForStatus(status), 'request', {
      requestId: event.context.requestId,
      method: event.method,
      // Without the query string: it may carry secrets (preview links).
      path: url.split('?')[0],
      status,
      durationMs: Math.round(durationSeconds * 10_000) / 10,
    })
  })
})
