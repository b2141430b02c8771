import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type APIRequestContext, expect, test } from '@playwright/test'
import { createClient } from '@sanity/client'
import { encodeSignatureHeader } from '@sanity/webhook'
import { formations } from './dataset'
import { startServer } from './server'

/**
 * Publish to live (issue 5), end to end on a production server of its own:
 * an editor's change written with the official client into the embedded
 * Content Lake, Sanity's signed webhook, and the new title on the formation
 * page and the catalogue within seconds — while a page the change does not
 * touch keeps its cache entry, a stand-in for GitHub's API receives one
 * coalesced rebuild request, and the pipeline reports to the publish log.
 */
const PORT = 3201
const LAKE_PORT = 3202
const SECRET = 'e2e-webhook-secret-9f2c4b7d1e'
const WRITE_TOKEN = 'e2e-content-token-5a8e31'
const PUBLISH_LOG_TOKEN = 'e2e-publish-log-token-c0ffee'
const REFRESH_TOKEN = 'e2e-refresh-token-0123456789abcdef0123456789'
const STAFF_PASSWORD = 'un mot de passe assez long'
const EDITOR = 'redaction@gpm.test'
const SECRETARY = 'secretariat@gpm.test'

// Made in beforeAll, not at import: Playwright also imports spec files to list their tests.
let dataDir = ''
let origin = ''
let stop = () => {}
let github: Server
const dispatches: { url: string, headers: IncomingHttpHeaders, body: string }[] = []

// The changed formation, and one the change does not touch (another category, no link to it).
const changed = formations[0]!
const untouched = formations.find(formation => formation.category?._ref !== changed.category?._ref && !JSON.stringify(formation).includes(changed._id))!
const newTitle = `${changed.title} — nouvelle session publiée`

const content = createClient({
  projectId: 'embedded', dataset: 'production', apiVersion: '2025-02-19', apiHost: `http://127.0.0.1:${LAKE_PORT}`,
  useProjectHostname: false, useCdn: false, token: WRITE_TOKEN,
})

async function signedWebhook(body: string, headers: Record<string, string> = {}, timestamp = Date.now()) {
  return {
    'content-type': 'application/json',
    'sanity-webhook-signature': await encodeSignatureHeader(body, timestamp, SECRET),
    ...headers,
  }
}

test.beforeAll(async () => {
  github = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', chunk => chunks.push(chunk))
    request.on('end', () => {
      dispatches.push({ url: request.url!, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') })
      response.writeHead(204).end()
    })
  })
  await new Promise<void>(resolve => github.listen(0, '127.0.0.1', resolve))
  // Staff who may read the publish log (editor) and who may not (secretariat),
  // created before the server opens the directory: PGlite serves one process at a time.
  dataDir = mkdtempSync(join(tmpdir(), 'gpm-e2e-publish-'))
  for (const [email, role] of [[EDITOR, 'editor'], [SECRETARY, 'secretariat']] as const) {
    const created = spawnSync(process.execPath, ['scripts/db/create-user.ts', '--email', email, '--password', STAFF_PASSWORD, '--role', role], {
      env: { ...process.env, NUXT_DATA_DIR: dataDir },
      encoding: 'utf8',
    })
    expect(created.status, created.stderr).toBe(0)
  }
  ;({ origin, stop } = await startServer(PORT, {
    NODE_ENV: 'test',
    NUXT_DATA_DIR: dataDir,
    NUXT_PUBLIC_SITE_URL: `http://127.0.0.1:${PORT}`,
    NUXT_SANITY_WEBHOOK_SECRET: SECRET,
    NUXT_SANITY_TOKEN: WRITE_TOKEN,
    NUXT_CONTENT_LAKE_PORT: String(LAKE_PORT),
    NUXT_PUBLISH_LOG_TOKEN: PUBLISH_LOG_TOKEN,
    NUXT_CACHE_REFRESH_TOKEN: REFRESH_TOKEN,
    NUXT_GITHUB_TOKEN: 'ghp_e2e_token',
    NUXT_GITHUB_REPOSITORY: 'gpm-association/gpm-site',
    NUXT_GITHUB_API_URL: `http://127.0.0.1:${(github.address() as AddressInfo).port}`,
    NUXT_GITHUB_DISPATCH_WINDOW_SECONDS: '1',
  }))
})
test.afterAll(async () => {
  stop()
  await new Promise(resolve => github.close(resolve))
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

async function staffToken(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post(`${origin}/api/v1/auth/sign-in`, { data: { email, password: STAFF_PASSWORD } })
  expect(response.status()).toBe(200)
  return (await response.json() as { access_token: string }).access_token
}

test('a published title is live within seconds; only the affected pages are refreshed', async ({ request }) => {
  expect(untouched, 'dataset has a formation unrelated to the changed one').toBeDefined()
  const changedPath = `/formations/${changed.slug!.current}`
  const untouchedPath = `/formations/${untouched.slug!.current}`

  // Fill Nitro's cache, and note the entry of the page the change does not touch.
  for (const path of [changedPath, '/formations', untouchedPath]) expect((await request.get(`${origin}${path}`)).status()).toBe(200)
  const before = await request.get(`${origin}${untouchedPath}`)
  const cachedAt = before.headers()['last-modified']
  // Entries are stamped to the second: a page rendered again after this would show another time.
  await new Promise(resolve => setTimeout(resolve, 1100))

  // The editor publishes (what the Studio does through the same API)…
  const published = await content.patch(changed._id).set({ title: newTitle }).commit()
  // …and Sanity delivers the webhook with the documented projection.
  const body = JSON.stringify({ _id: changed._id, _type: 'formation', _rev: published._rev, operation: 'update', slug: changed.slug!.current, previousSlug: changed.slug!.current })
  const headers = await signedWebhook(body, { 'idempotency-key': `e2e-${published._rev}`, 'sanity-dataset': 'production', 'x-request-id': 'e2e-publish-0001' })
  const delivered = await request.post(`${origin}/api/webhooks/sanity`, { data: body, headers })
  expect(delivered.status()).toBe(202)
  expect(delivered.headers()['x-request-id']).toBe('e2e-publish-0001')
  const outcome = await delivered.json() as { id: string, duplicate: boolean, routes: number }
  expect(outcome).toMatchObject({ duplicate: false, id: expect.stringMatching(/^[0-9a-f-]{36}$/) })
  expect(outcome.routes).toBeGreaterThanOrEqual(4)

  await expect.poll(async () => (await request.get(`${origin}${changedPath}`)).text(), { timeout: 10_000 }).toContain(newTitle)
  await expect.poll(async () => (await request.get(`${origin}/formations`)).text(), { timeout: 10_000 }).toContain(newTitle)

  const after = await request.get(`${origin}${untouchedPath}`)
  expect(after.headers()['last-modified']).toBe(cachedAt)
  expect(await after.text()).toBe(await before.text())

  // Sanity delivering the same webhook again changes nothing.
  const again = await request.post(`${origin}/api/webhooks/sanity`, { data: body, headers })
  expect(again.status()).toBe(200)
  expect(await again.json()).toEqual({ duplicate: true })

  // One rebuild request, as deploy.yml expects it.
  await expect.poll(() => dispatches.length, { timeout: 10_000 }).toBe(1)
  expect(dispatches[0]!.url).toBe('/repos/gpm-association/gpm-site/dispatches')
  expect(dispatches[0]!.headers.authorization).toBe('Bearer ghp_e2e_token')
  expect(JSON.parse(dispatches[0]!.body)).toEqual({
    event_type: 'sanity-publish',
    client_payload: { dataset: 'production', documentIds: [changed._id], publishEventIds: [outcome.id] },
  })

  // The deployment pipeline reports to the publish log.
  const stages = `${origin}/api/v1/publish-events/${outcome.id}/stages`
  const report = { stage: 'deployed', environment: 'dev', release: 'ghcr.io/gpm/gpm-site:sha-e2e', runUrl: 'https://github.com/gpm/gpm-site/actions/runs/1' }
  expect((await request.post(stages, { data: report })).status()).toBe(401)
  expect((await request.post(stages, { data: report, headers: { authorization: 'Bearer wrong' } })).status()).toBe(401)
  expect((await request.post(stages, { data: report, headers: { authorization: `Bearer ${PUBLISH_LOG_TOKEN}` } })).status()).toBe(201)
  const unknown = await request.post(`${origin}/api/v1/publish-events/00000000-0000-4000-8000-000000000000/stages`, { data: report, headers: { authorization: `Bearer ${PUBLISH_LOG_TOKEN}` } })
  expect(unknown.status()).toBe(404)
  expect(await unknown.json()).toMatchObject({ code: 'not_found' })

  // Staff follow the publish from received to deployed.
  const log = `${origin}/api/v1/publish-events?page_size=5`
  expect((await request.get(log)).status()).toBe(401)
  expect((await request.get(log, { headers: { authorization: `Bearer ${await staffToken(request, SECRETARY)}` } })).status()).toBe(403)
  const listed = await request.get(log, { headers: { authorization: `Bearer ${await staffToken(request, EDITOR)}` } })
  expect(listed.status()).toBe(200)
  expect(listed.headers()['cache-control']).toBe('private, no-store')
  const page = await listed.json() as { items: { id: string, status: string, routes: string[], document_ids: string[], stages: { stage: string, environment: string | null }[] }[], total: number }
  expect(page).toMatchObject({ page: 1, page_size: 5, total: 1 })
  expect(page.items[0]).toMatchObject({ id: outcome.id, status: 'deployed', document_ids: [changed._id] })
  expect(page.items[0]!.routes).toEqual(expect.arrayContaining(['/', '/formations', changedPath, '/sitemap.xml']))
  expect(page.items[0]!.routes).not.toContain(untouchedPath)
  expect(page.items[0]!.stages.map(stage => [stage.stage, stage.environment])).toEqual([
    ['received', null], ['refreshed', null], ['build_requested', null], ['deployed', 'dev'],
  ])

  // The publish-to-live latency and the cache show in the metrics.
  const metrics = await (await request.get(`${origin}/metrics`)).text()
  expect(metrics).toMatch(/^gpm_publish_to_live_seconds_count 1$/m)
  expect(metrics).toMatch(/^gpm_cache_requests_total\{result="hit"\} [1-9]/m)
  expect(metrics).toMatch(/^gpm_http_requests_total\{route="\/api\/webhooks\/sanity",method="POST",status="202"\} 1$/m)
})

test('a refresh request reaching this replica (X-Cache-Refresh) renders the route again; a wrong token does not', async ({ request }) => {
  const path = `${origin}/formations/${untouched.slug!.current}`
  const cachedAt = (await request.get(path)).headers()['last-modified']
  // Entries are stamped to the second.
  await new Promise(resolve => setTimeout(resolve, 1100))
  expect((await request.get(path, { headers: { 'x-cache-refresh': 'wrong-token' } })).headers()['last-modified']).toBe(cachedAt)
  const refreshed = (await request.get(path, { headers: { 'x-cache-refresh': REFRESH_TOKEN } })).headers()['last-modified']
  expect(refreshed).not.toBe(cachedAt)
  expect((await request.get(path)).headers()['last-modified']).toBe(refreshed)
})

test('50 publishes in 10 s: every delivery accepted, the site answers 200 throughout, one rebuild request per window', async ({ request }) => {
  test.setTimeout(120_000)
  const before = dispatches.length
  const pages = ['/', '/formations', `/formations/${changed.slug!.current}`, `/formations/${untouched.slug!.current}`]
  const siteStatuses: number[] = []
  const eventIds: string[] = []
  let publishing = true
  // A visitor reading the site during the burst.
  const visitor = (async () => {
    for (let index = 0; publishing; index++) {
      siteStatuses.push((await request.get(`${origin}${pages[index % pages.length]}`)).status())
    }
  })()
  for (let index = 0; index < 50; index++) {
    const formation = formations[index % formations.length]!
    const body = JSON.stringify({ _id: formation._id, _type: 'formation', _rev: `burst-${index}`, operation: 'update', slug: formation.slug!.current, previousSlug: formation.slug!.current })
    const response = await request.post(`${origin}/api/webhooks/sanity`, { data: body, headers: await signedWebhook(body, { 'idempotency-key': `burst-${index}` }) })
    expect(response.status()).toBe(202)
    eventIds.push((await response.json() as { id: string }).id)
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  publishing = false
  await visitor
  expect(siteStatuses.length).toBeGreaterThan(10)
  expect(siteStatuses.filter(status => status !== 200)).toEqual([])

  // Every event carried exactly once, in as many requests as windows opened (1 s each over ~10 s).
  await expect.poll(() => dispatches.slice(before).flatMap(dispatch => JSON.parse(dispatch.body).client_payload.publishEventIds as string[]).length, { timeout: 15_000 }).toBe(50)
  const burst = dispatches.slice(before).map(dispatch => JSON.parse(dispatch.body).client_payload as { documentIds: string[], publishEventIds: string[] })
  expect(burst.flatMap(payload => payload.publishEventIds).sort()).toEqual([...eventIds].sort())
  expect(burst.length).toBeGreaterThan(1)
  expect(burst.length).toBeLessThan(20)
  for (const payload of burst) expect(new Set(payload.documentIds).size).toBe(payload.documentIds.length)
})

test('refusals answer 4xx and reach nothing: no refresh, no rebuild request', async ({ request }) => {
  const body = JSON.stringify({ _id: 'formation-x', _type: 'formation', _rev: 'r1' })
  const accepted = async () => (await (await request.get(`${origin}/metrics`)).text()).match(/^gpm_http_requests_total\{route="\/api\/webhooks\/sanity",method="POST",status="202"\} (\d+)$/m)?.[1]
  const dispatchesBefore = dispatches.length
  const acceptedBefore = await accepted()
  const cases = [
    ['GET', { method: 'GET' }, 405, 'method_not_allowed'],
    ['no signature', { headers: { 'content-type': 'application/json' } }, 401, 'signature_missing'],
    ['a wrong signature', { headers: await signedWebhook(body.replace('r1', 'r2')) }, 401, 'signature_invalid'],
    ['a stale timestamp', { headers: await signedWebhook(body, {}, Date.now() - 10 * 60_000) }, 401, 'signature_expired'],
    ['a body over 1 MB', { data: 'x'.repeat(1024 * 1024 + 1), headers: await signedWebhook(body) }, 413, 'payload_too_large'],
  ] as const
  for (const [name, options, status, code] of cases) {
    const response = await request.fetch(`${origin}/api/webhooks/sanity`, {
      method: 'method' in options ? options.method : 'POST',
      data: 'data' in options ? options.data : body,
      headers: 'headers' in options ? options.headers : undefined,
    })
    expect(response.status(), name).toBe(status)
    expect(await response.json(), name).toMatchObject({ code, detail: expect.any(String) })
    if (status === 405) expect(response.headers().allow).toBe('POST')
  }
  // Past the dispatch window (1 s here): still nothing sent.
  await new Promise(resolve => setTimeout(resolve, 1500))
  expect(dispatches.length).toBe(dispatchesBefore)
  expect(await accepted()).toBe(acceptedBefore)
})

test('a prerendered page is live within seconds too: its stale file is no longer served', async ({ request }) => {
  const path = '/mentions-legales'
  const before = await request.get(`${origin}${path}`)
  expect(before.status()).toBe(200)
  const title = 'Mentions légales — mise à jour publiée'
  expect(await before.text()).not.toContain(title)
  const published = await content.patch('page-mentions-legales').set({ title }).commit()
  const body = JSON.stringify({ _id: 'page-mentions-legales', _type: 'page', _rev: published._rev, operation: 'update', slug: 'mentions-legales', previousSlug: 'mentions-legales' })
  const delivered = await request.post(`${origin}/api/webhooks/sanity`, { data: body, headers: await signedWebhook(body, { 'idempotency-key': `e2e-${published._rev}` }) })
  expect(delivered.status()).toBe(202)
  await expect.poll(async () => (await request.get(`${origin}${path}`)).text(), { timeout: 10_000 }).toContain(title)
  // Static files carry Last-Modified, renders do not: the changed page is rendered now,
  // a prerendered page the change does not touch is still the build's file.
  expect(before.headers()['last-modified']).toBeDefined()
  expect((await request.get(`${origin}${path}`)).headers()['last-modified']).toBeUndefined()
  const other = await request.get(`${origin}/politique-de-confidentialite`)
  expect(other.status()).toBe(200)
  expect(other.headers()['last-modified']).toBeDefined()
})
