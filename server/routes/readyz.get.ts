/**
 * Readiness: the dependencies a page needs answer. 503 with the failing
 * check when one does not, so a load balancer or a deploy holds traffic.
 */
const CONTENT_TIMEOUT_MS = 2000

export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store')
  const checks: Record<string, string> = {}
  try {
    const client = useContentClient(event).withConfig({ timeout: CONTENT_TIMEOUT_MS })
    const settings = await client.fetch<number>('count(*[_id == "siteSettings"])')
    checks.content = settings === 1 ? 'ok' : 'site settings missing'
  }
  catch (error) {
    checks.content = `unreachable: ${(error as Error).message}`
  }
  const ready = Object.values(checks).every(check => check === 'ok')
  if (!ready) setResponseStatus(event, 503)
  return { status: ready ? 'ready' : 'unavailable', checks }
})
