import type { SqlExecutor } from './db'

/**
 * The outbox: side effects written in the same transaction as their cause,
 * delivered afterwards with retries. A visitor's message is therefore stored
 * even when the mail server is down, and its notification leaves as soon as
 * the mail server is back.
 */
export type OutboxMessage = { kind: 'email', payload: EmailMessage }

interface OutboxRow {
  id: string
  kind: OutboxMessage['kind']
  payload: EmailMessage
  attempts: number
  max_attempts: number
}

/** Queues a side effect inside the caller's transaction. */
export async function enqueue(tx: SqlExecutor, message: OutboxMessage): Promise<string> {
  const [row] = await tx.query<{ id: string }>('insert into public.outbox (kind, payload) values ($1, $2) returning id', [message.kind, JSON.stringify(message.payload)])
  return row!.id
}

/** Delay before the next attempt: exponential from `baseSeconds`, capped at one hour, with jitter. */
export function retryDelaySeconds(attempts: number, baseSeconds: number, random = Math.random()): number {
  const exponential = Math.min(3600, baseSeconds * 2 ** Math.max(0, attempts - 1))
  return Math.round(exponential * (0.8 + 0.4 * random) * 1000) / 1000
}

export interface OutboxRun {
  delivered: number
  retried: number
  failed: number
}

async function deliver(row: OutboxRow) {
  switch (row.kind) {
    case 'email':
      return sendEmail(row.payload)
  }
}

/**
 * Delivers what is due. Rows are claimed with a lease (`locked_until`) under
 * `for update skip locked`, so several server processes share the work and
 * a crashed worker's rows come back after the lease.
 */
export async function processOutbox(limit = 20): Promise<OutboxRun> {
  const db = await useDatabase()
  const config = useRuntimeConfig()
  const baseSeconds = Number(config.outbox.retryBaseSeconds) || 30
  const rows = await db.as({ role: 'service_role' }, tx => tx.query<OutboxRow>(`
    update public.outbox set attempts = attempts + 1, locked_until = now() + interval '2 minutes'
    where id in (
      select id from public.outbox
      where status = 'pending' and next_attempt_at <= now() and (locked_until is null or locked_until < now())
      order by next_attempt_at
      limit $1
      for update skip locked
    )
    returning id, kind, payload, attempts, max_attempts`, [limit]))
  const run: OutboxRun = { delivered: 0, retried: 0, failed: 0 }
  for (const row of rows) {
    try {
      await deliver(row)
      await db.as({ role: 'service_role' }, tx => tx.query('update public.outbox set status = \'delivered\', delivered_at = now(), locked_until = null, last_error = null where id = $1', [row.id]))
      run.delivered++
    }
    catch (error) {
      const message = (error as Error).message.slice(0, 1000)
      const giveUp = row.attempts >= row.max_attempts
      await db.as({ role: 'service_role' }, tx => tx.query(`
        update public.outbox
        set status = $2, last_error = $3, locked_until = null,
            next_attempt_at = now() + make_interval(secs => $4::double precision)
        where id = $1`, [row.id, giveUp ? 'failed' : 'pending', message, retryDelaySeconds(row.attempts, baseSeconds)]))
      if (giveUp) run.failed++
      else run.retried++
      console.error(`[outbox] ${row.kind} ${row.id} attempt ${row.attempts}/${row.max_attempts} failed${giveUp ? ', giving up' : ', will retry'}: ${message}`)
    }
  }
  return run
}

/** Messages waiting for delivery (the gpm_outbox_backlog gauge). */
export async function outboxBacklog(): Promise<number> {
  const db = await useDatabase()
  const [row] = await db.as({ role: 'service_role' }, tx => tx.query<{ n: string }>('select count(*) as n from public.outbox where status = \'pending\''))
  return Number(row!.n)
}

let running: Promise<unknown> | undefined
let again = false

/** Runs the worker now (after a form was stored), without overlapping runs. */
export function kickOutbox() {
  if (running) {
    again = true
    return
  }
  running = processOutbox()
    .catch((error: unknown) => console.error('[outbox] run failed:', (error as Error).message))
    .finally(() => {
      running = undefined
      if (again) {
        again = false
        kickOutbox()
      }
    })
}
