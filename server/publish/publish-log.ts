/**
 * The publish log (issue 5): one publish_events row per Sanity delivery,
 * deduplicated by its idempotency key, and one publish_event_stages row per
 * step it went through — received → refreshed → build_requested → deployed
 * (or refresh_failed, build_request_failed, deploy_failed, superseded).
 * Server writes run as service_role; staff reads run as the signed-in user,
 * so row-level security (permission publish_events.read) decides.
 *
 * The log must never hold a publish back: when the database is down, writes
 * wait in memory, in order, and are retried with backoff while the refresh
 * and the rebuild request go ahead.
 */
import type { Database, JwtClaims, SqlExecutor } from '../database/client'

export const PUBLISH_STAGES = [
  'received', 'refreshed', 'refresh_failed', 'build_requested', 'build_request_failed',
  'deployed', 'deploy_failed', 'superseded',
] as const
export type PublishStage = typeof PUBLISH_STAGES[number]
/** The stages the deployment pipeline reports (docs/runbook.md, "Contract with the publish log"). */
export const PIPELINE_STAGES = ['deployed', 'deploy_failed', 'superseded'] as const

export interface NewPublishEvent {
  id: string
  idempotencyKey: string
  dataset: string
  documentIds: string[]
  receivedAt: Date
}

export interface StageRecord {
  environment?: string | null
  detail?: Record<string, unknown>
  /** Routes the event refreshed (refreshed / refresh_failed). */
  routes?: string[]
  /** Why this stage makes the event failed (a failed refresh, the last attempt of a rebuild request, a failed deployment). */
  failure?: string
  /** When the stage happened, if not now (a write retried after the database came back). */
  at?: Date
}

/** Inserts the event and its `received` stage; false when the idempotency key was already recorded. */
export async function insertPublishEvent(tx: SqlExecutor, event: NewPublishEvent): Promise<boolean> {
  const inserted = await tx.query<{ id: string }>(
    `insert into public.publish_events (id, idempotency_key, dataset, document_ids, received_at)
     values ($1, $2, $3, $4, $5)
     on conflict (idempotency_key) do nothing
     returning id`,
    [event.id, event.idempotencyKey, event.dataset, event.documentIds, event.receivedAt.toISOString()],
  )
  if (inserted.length === 0) return false
  await tx.query(
    `insert into public.publish_event_stages (publish_event_id, stage, detail, created_at) values ($1, 'received', $2, $3)`,
    [event.id, JSON.stringify({ documentIds: event.documentIds }), event.receivedAt.toISOString()],
  )
  return true
}

const ADVANCES: Partial<Record<PublishStage, string>> = {
  refreshed: 'refreshed',
  build_requested: 'build_requested',
  deployed: 'deployed',
  // The content is live: a newer release carrying it went out first.
  superseded: 'deployed',
}

/**
 * Adds a stage and moves the event's status forward (never back from
 * `deployed`); false when no such event exists.
 */
export async function insertPublishStage(tx: SqlExecutor, eventId: string, stage: PublishStage, record: StageRecord = {}): Promise<boolean> {
  const inserted = await tx.query<{ id: string }>(
    `insert into public.publish_event_stages (publish_event_id, stage, environment, detail, created_at)
     select $1, $2, $3, $4, coalesce($5::timestamptz, now()) where exists (select 1 from public.publish_events where id = $1)
     returning id`,
    [eventId, stage, record.environment ?? null, JSON.stringify(record.detail ?? {}), record.at?.toISOString() ?? null],
  )
  if (inserted.length === 0) return false
  await tx.query(
    `update public.publish_events set
       status = case
         when status = 'deployed' then status
         when $2::text is not null then 'failed'
         when $3::text = 'refreshed' and status <> 'received' then status
         when $3::text is not null then $3::text
         else status end,
       error = case when status <> 'deployed' and $2::text is not null then $2::text else error end,
       routes = coalesce($4::text[], routes)
     where id = $1`,
    [eventId, record.failure ?? null, ADVANCES[stage] ?? null, record.routes ?? null],
  )
  return true
}

/** What staff see of an event (snake_case, like the rest of /api/v1). */
export interface PublishEventView {
  id: string
  dataset: string
  document_ids: string[]
  routes: string[]
  status: string
  error: string | null
  received_at: string
  updated_at: string
  /** In the order they were recorded. */
  stages: { stage: PublishStage, environment: string | null, detail: Record<string, unknown>, created_at: string }[]
}

interface PublishEventRow {
  id: string
  dataset: string
  document_ids: string[]
  routes: string[]
  status: string
  error: string | null
  received_at: Date | string
  updated_at: Date | string
  stages: { stage: PublishStage, environment: string | null, detail: Record<string, unknown>, created_at: string }[] | string
  total: number | string
}

const iso = (value: Date | string) => new Date(value).toISOString()

/** One page of events, newest first, each with its stages in order. Internal columns (idempotency key) stay out. */
export async function listPublishEvents(tx: SqlExecutor, page: number, pageSize: number): Promise<{ items: PublishEventView[], total: number }> {
  const rows = await tx.query<PublishEventRow>(
    `select e.id, e.dataset, e.document_ids, e.routes, e.status, e.error, e.received_at, e.updated_at,
            count(*) over () as total,
            coalesce((
              select json_agg(json_build_object('stage', s.stage, 'environment', s.environment, 'detail', s.detail, 'created_at', s.created_at) order by s.id)
              from public.publish_event_stages s where s.publish_event_id = e.id
            ), '[]'::json) as stages
     from public.publish_events e
     order by e.received_at desc, e.id
     limit $1 offset $2`,
    [pageSize, (page - 1) * pageSize],
  )
  let total = rows.length ? Number(rows[0]!.total) : 0
  if (!rows.length && page > 1) {
    // Past the last page: still say how many there are.
    total = Number((await tx.query<{ count: number | string }>('select count(*) as count from public.publish_events'))[0]?.count ?? 0)
  }
  return {
    total,
    items: rows.map((row) => {
      const stages = typeof row.stages === 'string' ? JSON.parse(row.stages) as Exclude<PublishEventRow['stages'], string> : row.stages
      return {
        id: row.id,
        dataset: row.dataset,
        document_ids: row.document_ids,
        routes: row.routes,
        status: row.status,
        error: row.error,
        received_at: iso(row.received_at),
        updated_at: iso(row.updated_at),
        stages: stages.map(stage => ({ stage: stage.stage, environment: stage.environment, detail: stage.detail, created_at: iso(stage.created_at) })),
      }
    }),
  }
}

/** Staff read, under row-level security. */
export function readPublishEvents(db: Database, claims: JwtClaims, page: number, pageSize: number) {
  return db.as({ role: 'authenticated', claims }, tx => listPublishEvents(tx, page, pageSize))
}

/** Events received recently that never got a rebuild request (the process stopped first). */
export async function undispatchedEvents(tx: SqlExecutor, sinceHours = 24): Promise<{ id: string, dataset: string, documentIds: string[] }[]> {
  const rows = await tx.query<{ id: string, dataset: string, document_ids: string[] }>(
    `select e.id, e.dataset, e.document_ids from public.publish_events e
     where e.status in ('received', 'refreshed', 'failed')
       and e.received_at > now() - make_interval(hours => $1)
       and not exists (
         select 1 from public.publish_event_stages s
         where s.publish_event_id = e.id and s.stage in ('build_requested', 'build_request_failed', 'deployed', 'deploy_failed', 'superseded')
       )
     order by e.received_at`,
    [sinceHours],
  )
  return rows.map(row => ({ id: row.id, dataset: row.dataset, documentIds: row.document_ids }))
}

// SQLSTATE classes that no retry will fix: data exceptions, constraint
// violations, syntax or access rule errors.
const PERMANENT_SQLSTATE = /^(22|23|42)/

export function isPermanentDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && PERMANENT_SQLSTATE.test(code)
}

export interface PublishLogWriterOptions {
  open: () => Promise<Database>
  /** Delays between attempts; the last one repeats until the database answers. */
  retryDelaysMs?: number[]
  /** Writes kept while the database is down; the oldest are dropped past this. */
  maxPending?: number
  onDropped?: (description: string, error: unknown) => void
  onDeferred?: (description: string, error: unknown) => void
  onRecovered?: (written: number) => void
}

type Write = { description: string, run: (tx: SqlExecutor) => Promise<unknown> }

/**
 * Writes to the publish log as service_role, in order. A write that fails
 * for a transient reason (connection refused, timeout) is kept with every
 * later one and retried with backoff; one that can never succeed (a
 * constraint, a type) is dropped and reported.
 */
export function createPublishLogWriter(options: PublishLogWriterOptions) {
  const delays = options.retryDelaysMs ?? [1000, 2000, 5000, 10_000, 30_000, 60_000]
  const maxPending = options.maxPending ?? 1000
  const queue: Write[] = []
  let attempt = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let flushing: Promise<void> | undefined

  const run = async (write: Write) => (await options.open()).as({ role: 'service_role' }, write.run)

  function schedule() {
    if (timer || flushing || !queue.length) return
    const delay = delays[Math.min(attempt, delays.length - 1)]!
    timer = setTimeout(() => {
      timer = undefined
      void flush()
    }, delay)
    timer.unref?.()
  }

  function flush(): Promise<void> {
    flushing ??= (async () => {
      let written = 0
      while (queue.length) {
        const write = queue[0]!
        try {
          await run(write)
          written++
        }
        catch (error) {
          if (!isPermanentDatabaseError(error)) {
            attempt++
            return
          }
          options.onDropped?.(write.description, error)
        }
        queue.shift()
      }
      attempt = 0
      if (written) options.onRecovered?.(written)
    })().finally(() => {
      flushing = undefined
      schedule()
    })
    return flushing
  }

  function defer(write: Write, error: unknown) {
    queue.push(write)
    if (queue.length > maxPending) {
      const dropped = queue.shift()!
      options.onDropped?.(dropped.description, new Error('publish log backlog full'))
    }
    options.onDeferred?.(write.description, error)
    schedule()
  }

  /**
   * Runs `work` now when nothing is waiting, else queues it behind what is.
   * Resolves to its result, or to undefined when deferred.
   */
  async function write<T>(description: string, work: (tx: SqlExecutor) => Promise<T>): Promise<{ written: true, result: T } | { written: false }> {
    const entry: Write = { description, run: work }
    if (queue.length) {
      defer(entry, new Error('earlier writes are waiting'))
      return { written: false }
    }
    try {
      return { written: true, result: await run(entry) as T }
    }
    catch (error) {
      if (isPermanentDatabaseError(error)) throw error
      defer(entry, error)
      return { written: false }
    }
  }

  return {
    write,
    /** Writes waiting for the database. */
    pending: () => queue.length,
    /** Tries the waiting writes now (tests, shutdown). */
    flush,
    stop() {
      if (timer) clearTimeout(timer)
      timer = undefined
    },
  }
}

export type PublishLogWriter = ReturnType<typeof createPublishLogWriter>
