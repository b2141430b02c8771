import { readSignedDelivery } from '../../publish/webhook'

/**
 * Sanity's webhook (issue 5): a signed delivery per published document.
 * 202 `{ id, routes }` once its routes are purged from Nitro's cache (their
 * refresh at the edge and the rebuild request follow in the background); 200
 * `{ duplicate: true }` for a delivery already received. Refusals: 503 no
 * secret configured, 429, 413, 401, 400 (see server/publish/webhook.ts).
 * Set-up in Sanity: README, "Publish to live".
 */
export default defineApiHandler(async (event) => {
  // Sanity delivers from a handful of addresses, bursts included (50 publishes in 10 s).
  enforceRateLimit(event, 'sanity-webhook', { limit: 600, windowSeconds: 60 })
  setResponseHeader(event, 'cache-control', 'no-store')
  const config = useRuntimeConfig(event)
  const delivery = await readSignedDelivery(event, {
    secret: config.sanity.webhookSecret,
    defaultDataset: config.public.sanity.dataset || 'production',
  })
  const outcome = await usePublishFlow().pipeline.receive(delivery, {
    requestId: event.context.requestId,
    content: usePublishContentClient(event),
  })
  setResponseStatus(event, outcome.duplicate ? 200 : 202)
  return outcome
})
