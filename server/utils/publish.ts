import type { H3Event } from 'h3'
import { getRouteRulesForPath } from 'nitropack/runtime/internal/route-rules'
import { logJson } from '../observability/request-log'
import { resolveAffectedRoutes } from '../publish/content-facts'
import { type DispatchPayload, type DispatchResult, isDispatchConfigured, sendRepositoryDispatch } from '../publish/github-dispatch'
import { createPublishPipeline, type PublishPipeline } from '../publish/pipeline'
import type { PIPELINE_STAGES, PublishLogWriter } from '../publish/publish-log'
import { createPublishLogWriter, insertPublishStage } from '../publish/publish-log'
import { createRebuildRequester, type RebuildRequester } from '../publish/rebuild'
import { createPurgeBroadcast, type PurgeBroadcast } from '../publish/purge-broadcast'
import { purgeRouteCache } from '../publish/route-cache'
import { type EdgeConfig, startRefresh } from '../publish/refresh'
import { sameSecret } from './same-secret'

/** How long the publish flow waits for the content API when computing routes. */
const CONTENT_TIMEOUT_MS = 5000
const DEFAULT_WINDOW_SECONDS = 30
/** Time for the other replicas to act on a purge before nginx asks one of them for the page. */
const BROADCAST_SETTLE_MS = 100

interface PublishFlow {
  pipeline: PublishPipeline
  log: PublishLogWriter
  rebuild: RebuildRequester
  /** Purges announced to the other replicas (PostgreSQL server only; PGlite means one process). */
  broadcast?: PurgeBroadcast
  /** Rebuild requests and publish-log writes waiting (the outbox backlog gauge). */
  pending: () => number
}

let flow: PublishFlow | undefined

function githubConfig() {
  const { github } = useRuntimeConfig()
  return { token: github.token, repository: github.repository, apiUrl: github.apiUrl || 'https://api.github.com' }
}

/** The edge to refresh, when NUXT_CACHE_REFRESH_URL and its token are set. */
function edgeConfig(): EdgeConfig | undefined {
  const config = useRuntimeConfig()
  if (!config.cacheRefreshUrl || !config.cacheRefreshToken) return undefined
  let host = ''
  try {
    host = new URL(config.public.siteUrl).host
  }
  catch { /* no public URL: nginx's own host name is used */ }
  return { url: config.cacheRefreshUrl, token: config.cacheRefreshToken, host }
}

/** Whether Nitro caches the route (the swr pages): only those are worth rendering ahead of a visitor. */
function isCachedRoute(route: string): boolean {
  return Boolean(getRouteRulesForPath(route.split('?')[0] || '/').cache)
}

/**
 * What a publish reaching this process (webhook, replica broadcast or the
 * edge's refresh) changes here: the prerendered copies of these routes are
 * out of date, so is every content query result kept for renders, and the
 * route cache drops their pages. Returns how many cached pages were dropped.
 */
export function purgePublishedRoutes(routes: readonly string[] | 'all'): Promise<number> {
  markRoutesLive(routes)
  clearContentQueryCache()
  return purgeRouteCache(useStorage(), routes, useRouteKeyIndex())
}

/**
 * The publish flow of this process: publish log writer, coalesced rebuild
 * requests and the webhook pipeline, configured from the runtime config.
 */
export function usePublishFlow(): PublishFlow {
  if (flow) return flow
  const config = useRuntimeConfig()
  const log = createPublishLogWriter({
    open: useDatabase,
    onDeferred: (description, error) => logJson('warn', 'publish_log.deferred', { write: description, error }),
    onDropped: (description, error) => logJson('error', 'publish_log.dropped', { write: description, error }),
    onRecovered: written => logJson('info', 'publish_log.recovered', { written }),
  })
  const rebuild = createRebuildRequester({
    github: githubConfig(),
    windowMs: (Number(config.github.dispatchWindowSeconds) || DEFAULT_WINDOW_SECONDS) * 1000,
    log,
    logger: logJson,
  })
  const nitroApp = useNitroApp()
  const broadcast = databaseUrl()
    ? createPurgeBroadcast({
        url: databaseUrl(),
        onPurge: async (routes) => {
          const purged = await purgePublishedRoutes(routes)
          logJson('info', 'publish.purged_for_replica', { routes: routes === 'all' ? 'all' : routes.length, purged })
        },
        onError: error => logJson('warn', 'publish.broadcast_failed', { error }),
      })
    : undefined
  const pipeline = createPublishPipeline({
    log,
    dispatch: rebuild,
    siteDataset: config.public.sanity.dataset || 'production',
    logger: logJson,
    observePublishToLive: seconds => useAppMetrics().publishToLive.observe({}, seconds),
    resolveRoutes: (change, context) => {
      if (!context.content) throw new Error('no content client')
      return resolveAffectedRoutes(context.content, change)
    },
    startRefresh: resolved => startRefresh(resolved.routes, resolved.all, {
      purge: async (routes) => {
        const purged = await purgePublishedRoutes(routes)
        if (broadcast) {
          await broadcast.publish(async (sql, params) => (await useDatabase()).query(sql, params), routes)
          await new Promise(resolve => setTimeout(resolve, BROADCAST_SETTLE_MS))
        }
        return purged
      },
      edge: edgeConfig(),
      warm: async route => (await nitroApp.localFetch(route, { headers: { 'user-agent': 'gpm-site-publish' } })).status,
      isCachedRoute,
      first: resolved.primary,
    }),
  })
  flow = { pipeline, log, rebuild, broadcast, pending: () => log.pending() + rebuild.pending() }
  return flow
}

/** The content client of a publish: the pages' client, uncached, with a short timeout. */
export function usePublishContentClient(event: H3Event) {
  return useContentClient(event).withConfig({ useCdn: false, timeout: CONTENT_TIMEOUT_MS })
}

/**
 * Sends one `repository_dispatch` (event_type `sanity-publish`) with the
 * server's GitHub settings, for callers outside the coalescing queue (the
 * outbox worker, kind `github_dispatch`). Never throws; `retryable` says
 * whether trying again later may help.
 */
export async function deliverGithubDispatch(payload: DispatchPayload): Promise<DispatchResult> {
  const github = githubConfig()
  if (!isDispatchConfigured(github)) return { ok: false, status: 0, body: '', retryable: false, error: 'GitHub dispatch not configured' }
  return sendRepositoryDispatch(github, payload)
}

/**
 * 401 unless the request carries `Authorization: Bearer <NUXT_PUBLISH_LOG_TOKEN>`
 * (compared in constant time). No token configured: every call is refused.
 */
export function requirePublishLogToken(event: H3Event) {
  const expected = useRuntimeConfig(event).publishLogToken
  const header = getRequestHeader(event, 'authorization') ?? ''
  const given = header.startsWith('Bearer ') ? header.slice(7).trim() : ''
  if (!expected || !given || !sameSecret(given, expected)) {
    setResponseHeader(event, 'www-authenticate', 'Bearer realm="publish-log"')
    throw apiError(401, 'unauthorized', 'Jeton du journal des publications absent ou invalide.')
  }
}

/** Records a stage reported by the deployment pipeline; 404 when the event does not exist, 503 when the database is down. */
export async function recordPipelineStage(id: string, report: { stage: typeof PIPELINE_STAGES[number], environment: string, release: string, runUrl?: string }) {
  const db = await staffDatabase()
  const found = await db.as({ role: 'service_role' }, tx => insertPublishStage(tx, id, report.stage, {
    environment: report.environment,
    detail: { release: report.release, ...(report.runUrl && { runUrl: report.runUrl }) },
    failure: report.stage === 'deploy_failed' ? `deployment to ${report.environment} failed` : undefined,
  }))
  if (!found) throw apiError(404, 'not_found', 'Publication introuvable.')
  logJson('info', 'publish.stage_reported', { publishEventId: id, ...report })
}
