/**
 * Rebuild requests with their trace in the publish log: every attempt of a
 * coalesced dispatch is recorded on each event it carries —
 * `build_requested` with GitHub's status, or `build_request_failed` with the
 * status and the start of its answer (and whether it will be retried). A site
 * with no GitHub token or repository records that the request was skipped:
 * the change is live anyway, nothing failed for the editor.
 */
import {
  createDispatchQueue, type DispatchAttempt, type DispatchPayload, type DispatchResult, type GithubDispatchConfig,
  isDispatchConfigured, type QueuedPublish, sendRepositoryDispatch,
} from './github-dispatch'
import { insertPublishStage, type PublishLogWriter } from './publish-log'

type Logger = (level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown>) => void

export interface RebuildRequesterOptions {
  github: Partial<GithubDispatchConfig>
  windowMs: number
  log: PublishLogWriter
  logger?: Logger
  retryDelaysMs?: number[]
  send?: (config: GithubDispatchConfig, payload: DispatchPayload) => Promise<DispatchResult>
}

export function createRebuildRequester(options: RebuildRequesterOptions) {
  const logger: Logger = options.logger ?? (() => {})
  const configured = isDispatchConfigured(options.github)
  const send = options.send ?? sendRepositoryDispatch

  async function record(eventIds: string[], stage: 'build_requested' | 'build_request_failed', detail: Record<string, unknown>, failure?: string) {
    const at = new Date()
    for (const id of eventIds) {
      try {
        await options.log.write(`${stage} stage of ${id}`, tx => insertPublishStage(tx, id, stage, { detail, failure, at }))
      }
      catch (error) {
        logger('error', 'publish_log.write_failed', { publishEventId: id, stage, error })
      }
    }
  }

  async function onAttempt({ payload, result, attempt, final }: DispatchAttempt) {
    const common = { status: result.status, attempt, documentIds: payload.documentIds.length, coalescedEvents: payload.publishEventIds.length }
    if (result.ok) {
      logger('info', 'publish.dispatch_sent', { ...common, dataset: payload.dataset, publishEventIds: payload.publishEventIds })
      await record(payload.publishEventIds, 'build_requested', common)
      return
    }
    const detail = { ...common, body: result.body, ...(result.error && { error: result.error }), willRetry: !final }
    logger(final ? 'error' : 'warn', 'publish.dispatch_failed', { ...detail, dataset: payload.dataset, publishEventIds: payload.publishEventIds })
    await record(payload.publishEventIds, 'build_request_failed', detail, final ? `rebuild request failed (HTTP ${result.status || 'no answer'})` : undefined)
  }

  const queue = createDispatchQueue({
    windowMs: options.windowMs,
    retryDelaysMs: options.retryDelaysMs,
    send: payload => send(options.github as GithubDispatchConfig, payload),
    onAttempt,
  })

  return {
    configured,
    enqueue(item: QueuedPublish) {
      if (configured) return queue.enqueue(item)
      void record([item.publishEventId], 'build_request_failed', {
        skipped: true,
        reason: 'GitHub dispatch not configured (NUXT_GITHUB_TOKEN, NUXT_GITHUB_REPOSITORY): no rebuild requested',
      })
    },
    pending: queue.pending,
    flush: queue.flush,
    stop: queue.stop,
  }
}

export type RebuildRequester = ReturnType<typeof createRebuildRequester>
