/**
 * The publish log on both engines: deduplication by idempotency key, the
 * status each stage leads to, the staff listing under row-level security.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  insertPublishEvent, insertPublishStage, listPublishEvents, type PublishStage, readPublishEvents, type StageRecord, undispatchedEvents,
} from '../../server/publish/publish-log'
import { createMigratedDatabase, createStaffUser, engines, type TestDatabase } from './harness'

const asService = <T>(test: TestDatabase, work: Parameters<TestDatabase['db']['as']>[1]) => test.db.as({ role: 'service_role' }, work) as Promise<T>

describe.each(engines)('publish log on %s', (engine) => {
  let test: TestDatabase
  let editor: string
  let secretary: string

  beforeAll(async () => {
    test = await createMigratedDatabase(engine)
    editor = await createStaffUser(test.db, 'redaction@gpm.fr', ['editor'])
    secretary = await createStaffUser(test.db, 'secretariat@gpm.fr', ['secretariat'])
    // Creating and migrating PGlite takes seconds on a loaded machine.
  }, 60_000)
  afterAll(() => test?.dispose())

  async function newEvent(key: string = randomUUID(), receivedAt = new Date()) {
    const id = randomUUID()
    const created = await asService<boolean>(test, tx => insertPublishEvent(tx, { id, idempotencyKey: key, dataset: 'production', documentIds: ['formation-a'], receivedAt }))
    return { id, created }
  }
  const stage = (id: string, name: PublishStage, record: StageRecord = {}) => asService<boolean>(test, tx => insertPublishStage(tx, id, name, record))
  const statusOf = async (id: string) => (await test.db.query<{ status: string, error: string | null, routes: string[] }>('select status, error, routes from public.publish_events where id = $1', [id]))[0]

  it('records an event once per idempotency key, with its received stage', async () => {
    const key = `delivery-${randomUUID()}`
    const first = await newEvent(key)
    const second = await newEvent(key)
    expect(first.created).toBe(true)
    expect(second.created).toBe(false)
    expect(await test.db.query('select count(*)::int as n from public.publish_events where idempotency_key = $1', [key])).toEqual([{ n: 1 }])
    expect(await test.db.query('select stage from public.publish_event_stages where publish_event_id = $1', [first.id])).toEqual([{ stage: 'received' }])
  })

  it.each<[string, [PublishStage, StageRecord?][], string, string | null]>([
    ['refreshed', [['refreshed', { routes: ['/', '/formations'] }]], 'refreshed', null],
    ['refreshed then rebuild requested', [['refreshed'], ['build_requested']], 'build_requested', null],
    ['all the way to deployed', [['refreshed'], ['build_requested'], ['deployed', { environment: 'prod' }]], 'deployed', null],
    ['superseded counts as live', [['refreshed'], ['build_requested'], ['superseded', { environment: 'dev' }]], 'deployed', null],
    ['a failed refresh', [['refresh_failed', { failure: '2 route(s) not refreshed' }]], 'failed', '2 route(s) not refreshed'],
    ['a retried rebuild request does not fail the event', [['refreshed'], ['build_request_failed', { detail: { willRetry: true } }]], 'refreshed', null],
    ['a skipped rebuild request does not fail the event', [['refreshed'], ['build_request_failed', { detail: { skipped: true } }]], 'refreshed', null],
    ['the last rebuild attempt failing does', [['refreshed'], ['build_request_failed', { failure: 'rebuild request failed (HTTP 401)' }]], 'failed', 'rebuild request failed (HTTP 401)'],
    ['a failed deployment after a successful one keeps it live', [['build_requested'], ['deployed', { environment: 'dev' }], ['deploy_failed', { environment: 'test', failure: 'deployment to test failed' }]], 'deployed', null],
    ['a late refreshed stage does not move the status back', [['build_requested'], ['refreshed']], 'build_requested', null],
  ])('%s → %s', async (_, stages, status, error) => {
    const { id } = await newEvent()
    for (const [name, record] of stages) expect(await stage(id, name, record)).toBe(true)
    expect(await statusOf(id)).toMatchObject({ status, error })
  })

  it('keeps the refreshed routes', async () => {
    const { id } = await newEvent()
    await stage(id, 'refreshed', { routes: ['/', '/formations/a'], detail: { purged: 3 } })
    expect((await statusOf(id))!.routes).toEqual(['/', '/formations/a'])
  })

  it('a stage for an unknown event is not recorded', async () => {
    expect(await stage(randomUUID(), 'deployed', { environment: 'prod' })).toBe(false)
  })

  it('refuses an environment name the pipeline would never send', async () => {
    const { id } = await newEvent()
    await expect(stage(id, 'deployed', { environment: 'Prod; drop table' })).rejects.toMatchObject({ code: '23514' })
  })

  it('lists newest first with stages in order, paginated, for staff allowed to read it', async () => {
    await test.db.exec('delete from public.publish_events')
    const base = Date.parse('2026-12-01T10:00:00Z')
    const ids: string[] = []
    for (let index = 0; index < 5; index++) {
      const { id } = await newEvent(`list-${index}`, new Date(base + index * 60_000))
      await stage(id, 'refreshed', { routes: ['/'] })
      ids.push(id)
    }
    const claims = { sub: editor, email: 'redaction@gpm.fr' }
    const first = await readPublishEvents(test.db, claims, 1, 2)
    expect(first.total).toBe(5)
    expect(first.items.map(item => item.id)).toEqual([ids[4], ids[3]])
    expect(first.items[0]).toMatchObject({
      dataset: 'production', document_ids: ['formation-a'], routes: ['/'], status: 'refreshed', error: null,
      received_at: new Date(base + 4 * 60_000).toISOString(),
    })
    expect(first.items[0]!.stages.map(item => item.stage)).toEqual(['received', 'refreshed'])
    expect(first.items[0]).not.toHaveProperty('idempotency_key')
    expect((await readPublishEvents(test.db, claims, 3, 2)).items.map(item => item.id)).toEqual([ids[0]])
    expect(await readPublishEvents(test.db, claims, 4, 2)).toEqual({ items: [], total: 5 })
  })

  it('shows nothing to staff without publish_events.read, or to visitors', async () => {
    expect(await readPublishEvents(test.db, { sub: secretary }, 1, 20)).toEqual({ items: [], total: 0 })
    expect(await test.db.as({ role: 'anon' }, tx => listPublishEvents(tx, 1, 20))).toEqual({ items: [], total: 0 })
  })

  it('finds recent events that never got a rebuild request', async () => {
    const waiting = await newEvent()
    await stage(waiting.id, 'refreshed')
    const requested = await newEvent()
    await stage(requested.id, 'build_requested')
    const old = await newEvent(randomUUID(), new Date(Date.now() - 3 * 24 * 3600_000))
    const found = (await asService<{ id: string }[]>(test, tx => undispatchedEvents(tx))).map(event => event.id)
    expect(found).toContain(waiting.id)
    expect(found).not.toContain(requested.id)
    expect(found).not.toContain(old.id)
  })
})
