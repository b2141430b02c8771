/**
 * The publish flow behind the webhook, on a real (in-memory PGlite) publish
 * log: duplicates have no side effect, a database outage holds nothing
 * back, a content API outage still requests the rebuild.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../../server/database/client'
import type { DocumentChange, ResolvedRoutes } from '../../server/publish/content-facts'
import type { QueuedPublish } from '../../server/publish/github-dispatch'
import { createPublishPipeline } from '../../server/publish/pipeline'
import { createPublishLogWriter } from '../../server/publish/publish-log'
import type { SanityDelivery } from '../../server/publish/webhook'
import { createMigratedDatabase, type TestDatabase } from '../db/harness'

let test: TestDatabase
beforeAll(async () => {
  test = await createMigratedDatabase('pglite')
}, 60_000)
afterAll(() => test?.dispose())
beforeEach(() => test.db.exec('delete from public.publish_events'))

const delivery = (key: string, overrides: Partial<SanityDelivery> = {}): SanityDelivery => ({
  change: { _id: 'formation-a', _type: 'formation', slug: 'a', previousSlug: 'a' },
  dataset: 'production',
  idempotencyKey: key,
  receivedAt: Date.now(),
  ...overrides,
})

/** A pipeline whose routes, refresh and dispatch are recorded; the database can be switched off. */
function harness(options: { databaseUp?: () => boolean, routes?: (change: DocumentChange) => Promise<ResolvedRoutes> } = {}) {
  const calls = { resolved: [] as DocumentChange[], refreshed: [] as ResolvedRoutes[], queued: [] as QueuedPublish[], publishToLive: [] as number[] }
  const databaseUp = options.databaseUp ?? (() => true)
  const log = createPublishLogWriter({
    open: async (): Promise<Database> => {
      if (!databaseUp()) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
      return test.db
    },
    retryDelaysMs: [60_000],
  })
  const pipeline = createPublishPipeline({
    log,
    siteDataset: 'production',
    resolveRoutes: async (change) => {
      calls.resolved.push(change)
      return options.routes ? options.routes(change) : { all: false, routes: ['/', '/formations', '/formations/a', '/sitemap.xml'] }
    },
    startRefresh: async (resolved) => {
      calls.refreshed.push(resolved)
      return { purged: 2, done: Promise.resolve({ routes: resolved.routes.length, purged: 2, refreshed: 3, failures: [], durationMs: 12 }) }
    },
    dispatch: { enqueue: item => void calls.queued.push(item) },
    observePublishToLive: seconds => void calls.publishToLive.push(seconds),
  })
  return { pipeline, log, calls }
}

const stagesOf = async (id: string) => (await test.db.query<{ stage: string }>('select stage from public.publish_event_stages where publish_event_id = $1 order by id', [id])).map(row => row.stage)
const eventOf = async (id: string) => (await test.db.query<{ status: string, routes: string[], idempotency_key: string }>('select status, routes, idempotency_key from public.publish_events where id = $1', [id]))[0]

describe('publish pipeline', () => {
  it('records, purges before answering, then refreshes, logs and queues the rebuild', async () => {
    const { pipeline, calls } = harness()
    const outcome = await pipeline.receive(delivery('k1'))
    expect(outcome).toMatchObject({ duplicate: false, id: expect.any(String), routes: 4, all: false })
    expect(calls.refreshed).toHaveLength(1)
    await pipeline.idle()
    expect(await stagesOf(outcome.id!)).toEqual(['received', 'refreshed'])
    expect(await eventOf(outcome.id!)).toMatchObject({ status: 'refreshed', routes: ['/', '/formations', '/formations/a', '/sitemap.xml'], idempotency_key: 'k1' })
    expect(calls.queued).toEqual([{ dataset: 'production', documentIds: ['formation-a'], publishEventId: outcome.id }])
    expect(calls.publishToLive).toHaveLength(1)
  })

  it('a duplicate delivery answers duplicate, with no refresh, no dispatch, no new row', async () => {
    const { pipeline, calls } = harness()
    const first = await pipeline.receive(delivery('k2'))
    const again = await Promise.all([pipeline.receive(delivery('k2')), pipeline.receive(delivery('k2'))])
    await pipeline.idle()
    expect(again).toEqual([{ duplicate: true }, { duplicate: true }])
    expect(calls.resolved).toHaveLength(1)
    expect(calls.queued.map(item => item.publishEventId)).toEqual([first.id])
    expect(await test.db.query('select count(*)::int as n from public.publish_events')).toEqual([{ n: 1 }])
  })

  it('a duplicate seen only by the database (another replica, a restart) has no side effect either', async () => {
    const first = harness()
    await first.pipeline.receive(delivery('k3'))
    await first.pipeline.idle()
    const restarted = harness()
    expect(await restarted.pipeline.receive(delivery('k3'))).toEqual({ duplicate: true })
    expect(restarted.calls.resolved).toHaveLength(0)
    expect(restarted.calls.queued).toHaveLength(0)
  })

  it('database down: the publish still refreshes and requests the rebuild; the log catches up in order', async () => {
    let up = false
    const { pipeline, log, calls } = harness({ databaseUp: () => up })
    const outcome = await pipeline.receive(delivery('k4'))
    await pipeline.idle()
    expect(outcome).toMatchObject({ duplicate: false, routes: 4 })
    expect(calls.refreshed).toHaveLength(1)
    expect(calls.queued).toHaveLength(1)
    expect(log.pending()).toBe(2)
    // Duplicates are still caught while the database is away.
    expect(await pipeline.receive(delivery('k4'))).toEqual({ duplicate: true })
    up = true
    await log.flush()
    expect(log.pending()).toBe(0)
    expect(await stagesOf(outcome.id!)).toEqual(['received', 'refreshed'])
    expect(await eventOf(outcome.id!)).toMatchObject({ status: 'refreshed' })
    log.stop()
  })

  it('content API down: refresh_failed is recorded and the rebuild is still requested', async () => {
    const { pipeline, calls } = harness({ routes: () => Promise.reject(new Error('connect ECONNREFUSED')) })
    const outcome = await pipeline.receive(delivery('k5'))
    expect(await stagesOf(outcome.id!)).toEqual(['received', 'refresh_failed'])
    expect(await eventOf(outcome.id!)).toMatchObject({ status: 'failed' })
    expect(calls.queued).toHaveLength(1)
    expect(calls.publishToLive).toHaveLength(0)
  })

  it('a dataset this site does not show: nothing refreshed here, the rebuild is requested', async () => {
    const { pipeline, calls } = harness()
    const outcome = await pipeline.receive(delivery('k6', { dataset: 'staging' }))
    expect(outcome).toMatchObject({ duplicate: false, routes: 0 })
    expect(calls.resolved).toHaveLength(0)
    expect(calls.queued).toEqual([{ dataset: 'staging', documentIds: ['formation-a'], publishEventId: outcome.id }])
  })

  it('hands the projection\'s rename and category over to the route computation', async () => {
    const { pipeline, calls } = harness()
    await pipeline.receive(delivery('k7', { change: { _id: 'formation-a', _type: 'formation', slug: 'b', previousSlug: 'a', previousCategory: 'category-x' } }))
    expect(calls.resolved).toEqual([{ id: 'formation-a', type: 'formation', slug: 'b', previousSlug: 'a', previousCategory: 'category-x' }])
  })
})
