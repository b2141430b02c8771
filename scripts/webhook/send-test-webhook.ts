/**
 * Sends a signed test webhook to a local server, as Sanity would deliver it
 * with the projection documented in the README ("Publish to live").
 *
 *   NUXT_SANITY_WEBHOOK_SECRET=… node scripts/webhook/send-test-webhook.ts \
 *     --id formation-prevention-secours-civiques-psc1 --type formation --slug prevention-secours-civiques-psc1
 *
 * With --title and the embedded Content Lake's port and token (the server
 * started with NUXT_CONTENT_LAKE_PORT and NUXT_SANITY_TOKEN), the title is
 * first changed through the mutation API, like a publish from the Studio:
 *
 *   node scripts/webhook/send-test-webhook.ts --id formation-… --type formation --slug … \
 *     --title "Nouveau titre" --lake http://127.0.0.1:3333 --token "$NUXT_SANITY_TOKEN"
 *
 * Options: --url (default http://localhost:3000/api/webhooks/sanity),
 * --secret (default $NUXT_SANITY_WEBHOOK_SECRET or $SANITY_WEBHOOK_SECRET),
 * --previous-slug (a rename), --dataset (default production),
 * --operation create|update|delete, --key (idempotency key; default: new),
 * --stale (signs 10 minutes in the past: expect 401).
 */
import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { createClient } from '@sanity/client'
import { encodeSignatureHeader } from '@sanity/webhook'

const { values: options } = parseArgs({
  options: {
    'url': { type: 'string', default: 'http://localhost:3000/api/webhooks/sanity' },
    'secret': { type: 'string', default: process.env.NUXT_SANITY_WEBHOOK_SECRET ?? process.env.SANITY_WEBHOOK_SECRET ?? '' },
    'id': { type: 'string' },
    'type': { type: 'string' },
    'slug': { type: 'string' },
    'previous-slug': { type: 'string' },
    'dataset': { type: 'string', default: 'production' },
    'operation': { type: 'string', default: 'update' },
    'key': { type: 'string' },
    'stale': { type: 'boolean', default: false },
    'title': { type: 'string' },
    'lake': { type: 'string' },
    'token': { type: 'string', default: process.env.NUXT_SANITY_TOKEN ?? '' },
  },
})

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

if (!options.secret) fail('No secret: pass --secret or set NUXT_SANITY_WEBHOOK_SECRET.')
if (!options.id || !options.type) fail('Pass --id and --type of the changed document (e.g. --id formation-x --type formation).')

let revision = randomUUID().replaceAll('-', '').slice(0, 22)
if (options.title) {
  if (!options.lake || !options.token) fail('--title needs --lake <embedded Content Lake URL> and --token.')
  const content = createClient({
    projectId: 'embedded', dataset: options.dataset, apiVersion: '2025-02-19', apiHost: options.lake,
    useProjectHostname: false, useCdn: false, token: options.token,
  })
  const document = await content.patch(options.id).set({ title: options.title }).commit()
  revision = document._rev
  console.log(`changed the title of ${options.id} (revision ${revision})`)
}

// The projection documented in the README, as Sanity would evaluate it.
const body = JSON.stringify({
  _id: options.id,
  _type: options.type,
  _rev: revision,
  operation: options.operation,
  slug: options.operation === 'delete' ? null : options.slug ?? null,
  previousSlug: options['previous-slug'] ?? (options.operation === 'create' ? null : options.slug ?? null),
  dataset: options.dataset,
})
const timestamp = Date.now() - (options.stale ? 10 * 60_000 : 0)
const response = await fetch(options.url, {
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    'sanity-webhook-signature': await encodeSignatureHeader(body, timestamp, options.secret),
    'idempotency-key': options.key ?? `test-${randomUUID()}`,
    'sanity-dataset': options.dataset,
    'sanity-transaction-id': revision,
    'sanity-document-id': options.id,
    'sanity-operation': options.operation,
  },
  body,
})
console.log(`${response.status} ${response.statusText}`)
console.log(await response.text())
process.exit(response.ok ? 0 : 1)
