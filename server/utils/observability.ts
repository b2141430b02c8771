import { createMetrics, type Metrics } from '../observability/metrics'
import { createRouteKeyIndex, type RouteKeyIndex } from '../publish/route-cache'

let metrics: Metrics | undefined
let routeKeys: RouteKeyIndex | undefined

const OUTBOX_COUNT_TIMEOUT_MS = 1000

/** Outbox rows waiting (e-mails, dispatches, webhooks), or 0 when the database does not answer at once. */
async function pendingOutboxRows(): Promise<number> {
  const count = (async () => {
    const db = await useDatabase()
    const rows = await db.as({ role: 'service_role' }, tx => tx.query<{ pending: number }>('select count(*)::int as pending from public.outbox where status = \'pending\''))
    return rows[0]?.pending ?? 0
  })()
  const timeout = new Promise<number>(resolve => setTimeout(() => resolve(0), OUTBOX_COUNT_TIMEOUT_MS).unref())
  return Promise.race([count.catch(() => 0), timeout])
}

/** The process's Prometheus metrics (/metrics), fed by the observability plugin and the publish flow. */
export function useAppMetrics(): Metrics {
  metrics ??= createMetrics(async () => usePublishFlow().pending() + await pendingOutboxRows())
  return metrics
}

/** Nitro route-cache keys this process served, by pathname: what a publish purges. */
export function useRouteKeyIndex(): RouteKeyIndex {
  routeKeys ??= createRouteKeyIndex()
  return routeKeys
}
