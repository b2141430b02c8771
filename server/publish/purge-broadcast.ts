/**
 * Every app replica keeps its own Nitro route cache (in memory), but Sanity's
 * webhook reaches only one of them. Left alone, another replica would keep
 * serving — and handing nginx — the old page until its entry expired. So the
 * replica that receives a publish tells the others through PostgreSQL's
 * LISTEN/NOTIFY, which every replica already reaches: each one empties its
 * own copies of the routes. With the embedded PGlite there is one process and
 * nothing to tell.
 */
import { randomUUID } from 'node:crypto'
import pg from 'pg'

export const PURGE_CHANNEL = 'gpm_route_purge'
// NOTIFY payloads are capped at 8000 bytes: longer lists go out as "everything".
const MAX_PAYLOAD_BYTES = 7500
const RECONNECT_DELAYS_MS = [1000, 2000, 5000, 10_000, 30_000]

interface PurgeMessage {
  origin: string
  routes: string[] | '*'
}

export interface PurgeBroadcastOptions {
  url: string
  /** Empties this process's copies of the routes. */
  onPurge: (routes: string[] | 'all') => Promise<unknown>
  onError?: (error: unknown) => void
}

export function purgePayload(origin: string, routes: readonly string[] | 'all'): string {
  const message: PurgeMessage = { origin, routes: routes === 'all' ? '*' : [...routes] }
  const payload = JSON.stringify(message)
  return Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES ? JSON.stringify({ origin, routes: '*' }) : payload
}

/**
 * Listens for other replicas' purges on a dedicated connection (reconnecting
 * with backoff), and announces this one's. `publish` never throws: a replica
 * that misses a purge serves its entry until it expires, as before.
 */
export function createPurgeBroadcast(options: PurgeBroadcastOptions) {
  const origin = randomUUID()
  let listener: pg.Client | undefined
  let attempt = 0
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined

  async function handle(payload: string | undefined) {
    let message: PurgeMessage
    try {
      message = JSON.parse(payload ?? '') as PurgeMessage
    }
    catch {
      return
    }
    if (message.origin === origin) return
    if (message.routes !== '*' && !(Array.isArray(message.routes) && message.routes.every(route => typeof route === 'string' && route.startsWith('/')))) return
    await options.onPurge(message.routes === '*' ? 'all' : message.routes)
  }

  function reconnectLater() {
    if (stopped || timer) return
    timer = setTimeout(() => {
      timer = undefined
      void connect()
    }, RECONNECT_DELAYS_MS[Math.min(attempt++, RECONNECT_DELAYS_MS.length - 1)])
    timer.unref?.()
  }

  async function connect(): Promise<void> {
    if (stopped) return
    const client = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 5000 })
    client.on('notification', (notification) => {
      if (notification.channel !== PURGE_CHANNEL) return
      handle(notification.payload).catch(error => options.onError?.(error))
    })
    client.on('error', (error) => {
      options.onError?.(error)
      if (listener === client) listener = undefined
      client.end().catch(() => {})
      reconnectLater()
    })
    try {
      await client.connect()
      await client.query(`listen ${PURGE_CHANNEL}`)
      listener = client
      attempt = 0
    }
    catch (error) {
      options.onError?.(error)
      client.end().catch(() => {})
      reconnectLater()
    }
  }

  return {
    origin,
    /** Starts listening; resolves once listening or once the first attempt failed (it keeps retrying). */
    start: connect,
    /** Tells the other replicas to purge `routes`. */
    async publish(notify: (sql: string, params: unknown[]) => Promise<unknown>, routes: readonly string[] | 'all') {
      try {
        await notify('select pg_notify($1, $2)', [PURGE_CHANNEL, purgePayload(origin, routes)])
      }
      catch (error) {
        options.onError?.(error)
      }
    },
    listening: () => listener !== undefined,
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      const client = listener
      listener = undefined
      await client?.end().catch(() => {})
    },
  }
}

export type PurgeBroadcast = ReturnType<typeof createPurgeBroadcast>
