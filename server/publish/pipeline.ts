/**
 * What happens to a verified Sanity delivery, in order:
 *   1. duplicate? (idempotency key seen by this process, or already in the
 *      publish log) → answered 200 `{ duplicate: true }`, nothing else;
 *   2. recorded in the publish log (`received`), or queued for it when the
 *      database is down — the publish goes on regardless;
 *   3. the affected routes are computed and purged from Nitro's cache before
 *      the webhook is answered, so the next render reads the new content;
 *   4. in the background: refreshed at the nginx edge (or warmed locally),
 *      `refreshed` / `refresh_failed` recorded, publish-to-live observed,
 *      then the rebuild request queued for the next coalesced dispatch.
 */
import { randomUUID } from 'node:crypto'
import type { ContentFetcher, DocumentChange, ResolvedRoutes } from './content-facts'
import type { QueuedPublish } from './github-dispatch'
import { insertPublishEvent, insertPublishStage, type PublishLogWriter } from './publish-log'
import type { StartedRefresh } from './refresh'
import type { SanityDelivery } from './webhook'

type Logger = (level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown>) => void

export interface ReceiveContext {
  requestId?: string
  /** The content source as this request sees it (the embedded Content Lake's address is known per request). */
  content?: ContentFetcher
}

export interface PublishPipelineDeps {
  log: PublishLogWriter
  resolveRoutes: (change: DocumentChange, context: ReceiveContext) => Promise<ResolvedRoutes>
  startRefresh: (resolved: ResolvedRoutes) => Promise<StartedRefresh>
  dispatch: { enqueue: (item: QueuedPublish) => void }
  /** The dataset this site shows; deliveries for another one refresh nothing here. */
  siteDataset: string
  observePublishToLive?: (seconds: number) => void
  logger?: Logger
  now?: () => number
  newId?: () => string
}

export interface PublishOutcome {
  duplicate: boolean
  id?: string
  /** Routes purged and being refreshed. */
  routes?: number
  all?: boolean
}

const RECENT_KEYS = 10_000
const RECENT_TTL_MS = 24 * 60 * 60 * 1000
const LOGGED_FAILURES = 20

export function createPublishPipeline(deps: PublishPipelineDeps) {
  const now = deps.now ?? Date.now
  const newId = deps.newId ?? randomUUID
  const logger: Logger = deps.logger ?? (() => {})
  // Deliveries seen by this process: the duplicate check that still works
  // while the database is down, and the one that stops two concurrent
  // deliveries of the same key before either reaches the database.
  const recent = new Map<string, number>()
  const background = new Set<Promise<void>>()

  function claim(key: string): boolean {
    const seen = recent.get(key)
    if (seen !== undefined && now() - seen < RECENT_TTL_MS) return false
    recent.set(key, now())
    if (recent.size > RECENT_KEYS) recent.delete(recent.keys().next().value!)
    return true
  }

  async function writeStage(id: string, stage: Parameters<typeof insertPublishStage>[2], record: Parameters<typeof insertPublishStage>[3]) {
    try {
      // Stamped now: a write retried after the database comes back keeps the real time.
      const at = new Date(now())
      await deps.log.write(`${stage} stage of ${id}`, tx => insertPublishStage(tx, id, stage, { ...record, at }))
    }
    catch (error) {
      logger('error', 'publish_log.write_failed', { publishEventId: id, stage, error })
    }
  }

  async function finish(id: string, delivery: SanityDelivery, resolved: ResolvedRoutes, refresh: StartedRefresh) {
    const report = await refresh.done
    const failed = report.failures.length > 0
    const detail = {
      all: resolved.all,
      ...(resolved.reason && { reason: resolved.reason }),
      routes: report.routes,
      purged: report.purged,
      refreshed: report.refreshed,
      durationMs: report.durationMs,
      ...(failed && { failures: report.failures.slice(0, LOGGED_FAILURES) }),
    }
    const seconds = (now() - delivery.receivedAt) / 1000
    if (!failed) deps.observePublishToLive?.(seconds)
    logger(failed ? 'warn' : 'info', failed ? 'publish.refresh_failed' : 'publish.refreshed', { publishEventId: id, ...detail, publishToLiveSeconds: seconds })
    await writeStage(id, failed ? 'refresh_failed' : 'refreshed', {
      detail,
      routes: resolved.routes,
      failure: failed ? `${report.failures.length} route(s) not refreshed` : undefined,
    })
  }

  async function receive(delivery: SanityDelivery, context: ReceiveContext = {}): Promise<PublishOutcome> {
    const { change } = delivery
    const fields = { requestId: context.requestId, documentId: change._id, type: change._type, dataset: delivery.dataset, idempotencyKey: delivery.idempotencyKey }
    if (!claim(delivery.idempotencyKey)) {
      logger('info', 'publish.duplicate', fields)
      return { duplicate: true }
    }

    const id = newId()
    const documentIds = [change._id]
    try {
      const recorded = await deps.log.write(`publish event ${id}`, tx => insertPublishEvent(tx, {
        id, idempotencyKey: delivery.idempotencyKey, dataset: delivery.dataset, documentIds, receivedAt: new Date(delivery.receivedAt),
      }))
      if (recorded.written && !recorded.result) {
        logger('info', 'publish.duplicate', fields)
        return { duplicate: true }
      }
      logger('info', 'publish.received', { ...fields, publishEventId: id, logged: recorded.written })
    }
    catch (error) {
      // Never lose a publish over its log entry.
      logger('error', 'publish_log.write_failed', { ...fields, publishEventId: id, error })
    }

    const queueRebuild = () => deps.dispatch.enqueue({ dataset: delivery.dataset, documentIds, publishEventId: id })
    if (delivery.dataset !== deps.siteDataset) {
      await writeStage(id, 'refreshed', { detail: { skipped: `dataset ${delivery.dataset} is not shown by this site` }, routes: [] })
      queueRebuild()
      return { duplicate: false, id, routes: 0, all: false }
    }

    let resolved: ResolvedRoutes
    let refresh: StartedRefresh
    try {
      resolved = await deps.resolveRoutes({
        id: change._id,
        type: change._type,
        slug: change.slug,
        previousSlug: change.previousSlug,
        previousCategory: change.previousCategory,
      }, context)
      refresh = await deps.startRefresh(resolved)
    }
    catch (error) {
      logger('error', 'publish.refresh_failed', { ...fields, publishEventId: id, error })
      await writeStage(id, 'refresh_failed', { detail: { error: (error as Error).message }, failure: 'routes not refreshed: content API unreachable' })
      // The rebuild still carries the change to every page.
      queueRebuild()
      return { duplicate: false, id }
    }

    const task = finish(id, delivery, resolved, refresh)
      .catch(error => logger('error', 'publish.refresh_failed', { publishEventId: id, error }))
      .finally(queueRebuild)
    background.add(task)
    void task.finally(() => background.delete(task))
    return { duplicate: false, id, routes: resolved.routes.length, all: resolved.all }
  }

  return {
    receive,
    /** Resolves when every background refresh has finished (tests, shutdown). */
    async idle() {
      while (background.size) await Promise.all([...background])
    },
  }
}

export type PublishPipeline = ReturnType<typeof createPublishPipeline>
