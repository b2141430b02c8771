import { renderMetrics } from '../observability/metrics'

/**
 * Prometheus metrics of this process (names in docs/runbook.md). No
 * authentication here: Traefik answers /metrics with 403 at the edge and
 * Prometheus scrapes the containers on the stack's network.
 */
export default defineEventHandler(async (event) => {
  setResponseHeaders(event, {
    'content-type': 'text/plain; version=0.0.4; charset=utf-8',
    'cache-control': 'no-store',
  })
  return renderMetrics(useAppMetrics())
})
