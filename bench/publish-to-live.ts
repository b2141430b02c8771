/**
 * bench:publish — publish-to-live latency (issue 5): from the signed Sanity
 * webhook sent to the time a visitor reading through the project's nginx
 * gets the new content, p50 and p95 over 20 publishes. Each publish changes
 * a formation's title through the embedded Content Lake's mutation API (what
 * the Studio does on Sanity), then sends the webhook Sanity would send; a
 * visitor polls the page through nginx every 20 ms until the new title shows.
 * The next publish waits until the server has refreshed every route of the
 * previous one, so each sample is a publish on an otherwise idle server.
 * Nitro on one core, nginx beside it, this process (webhooks and visitor) on
 * the other; loopback only.
 *
 *   npm run bench:publish                 # build, then measure
 *   npm run bench:publish -- --no-build   # reuse .output
 *   BENCH_PUBLISHES=50 npm run bench:publish
 *   BENCH_SERVER_LOG=/tmp/nitro.log npm run bench:publish   # keep the server's JSON log lines
 *
 * Also run by `npm run bench:serve` after its throughput cases.
 * Figures, not assertions: these machines are shared and noisy.
 */
import { spawn, spawnSync } from 'node:child_process'
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@sanity/client'
import { encodeSignatureHeader } from '@sanity/webhook'
import { removeTempDirs, requireBinary } from '../tests/infra/helpers.ts'
import { startEdge, TEST_REFRESH_TOKEN } from '../tests/infra/nginx-edge.ts'
import { embeddedFormations, waitForServer } from './helpers.ts'

const PUBLISHES = Number(process.env.BENCH_PUBLISHES ?? 20)
const NITRO_PORT = 3250
const LAKE_PORT = 3251
const EDGE_PORT = 3252
const SECRET = 'bench-webhook-secret-4c1d9e'
const TOKEN = 'bench-content-token-77aa10'
const POLL_MS = 20
const GIVE_UP_MS = 30_000
const TARGET_P95_SECONDS = 10

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)]!

/** Waits until the server has finished refreshing `count` publishes (gpm_publish_to_live_seconds_count). */
async function waitForRefreshes(nitroOrigin: string, count: number) {
  const deadline = performance.now() + GIVE_UP_MS
  while (performance.now() < deadline) {
    const metrics = await (await fetch(`${nitroOrigin}/metrics`)).text()
    const done = Number(/^gpm_publish_to_live_seconds_count (\d+)$/m.exec(metrics)?.[1] ?? 0)
    if (done >= count) return
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  throw new Error(`the refresh of publish ${count} did not finish within ${GIVE_UP_MS} ms`)
}

export interface PublishToLiveResult {
  publishes: number
  samplesMs: number[]
  p50Ms: number
  p95Ms: number
  maxMs: number
}

/**
 * Measures on a built site (.output): starts Nitro and the project's nginx
 * with the refresh contract wired, runs the publishes, stops everything.
 */
export async function benchPublishToLive(publishes = PUBLISHES): Promise<PublishToLiveResult> {
  const pinned = availableParallelism() >= 2
  const launcher = pinned ? [requireBinary('taskset', 'apt-get install util-linux'), '-c', '0'] : []
  if (pinned) spawnSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' })

  const edgeOrigin = `http://127.0.0.1:${EDGE_PORT}`
  const nitroOrigin = `http://127.0.0.1:${NITRO_PORT}`
  const dataDir = mkdtempSync(join(tmpdir(), 'gpm-bench-publish-'))
  const serverLog = process.env.BENCH_SERVER_LOG ? openSync(process.env.BENCH_SERVER_LOG, 'w') : undefined
  const [command, ...args] = [...launcher, process.execPath, '.output/server/index.mjs']
  const nitro = spawn(command!, args, {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(NITRO_PORT),
      HOST: '127.0.0.1',
      NUXT_PUBLIC_SITE_ENV: 'production',
      NUXT_PUBLIC_SITE_URL: edgeOrigin,
      NUXT_DATA_DIR: dataDir,
      NUXT_SANITY_WEBHOOK_SECRET: SECRET,
      NUXT_SANITY_TOKEN: TOKEN,
      NUXT_CONTENT_LAKE_PORT: String(LAKE_PORT),
      NUXT_CACHE_REFRESH_URL: edgeOrigin,
      NUXT_CACHE_REFRESH_TOKEN: TEST_REFRESH_TOKEN,
    },
    stdio: ['ignore', serverLog ?? 'ignore', 'inherit'],
  })
  const content = createClient({
    projectId: 'embedded', dataset: 'production', apiVersion: '2025-02-19', apiHost: `http://127.0.0.1:${LAKE_PORT}`,
    useProjectHostname: false, useCdn: false, token: TOKEN,
  })
  const formations = embeddedFormations()
  const samplesMs: number[] = []
  try {
    await waitForServer(`${nitroOrigin}/healthz`, nitro)
    const edge = await startEdge({ upstream: `127.0.0.1:${NITRO_PORT}`, port: EDGE_PORT, refreshToken: TEST_REFRESH_TOKEN, launcher })
    try {
      // Every page in the edge cache first: a visitor is served the old title until the refresh lands.
      for (const formation of formations) {
        for (let visit = 0; visit < 2; visit++) await (await fetch(`${edgeOrigin}/formations/${formation.slug}`, { headers: { 'accept-encoding': 'identity' } })).text()
      }
      for (let index = 0; index < publishes; index++) {
        const formation = formations[index % formations.length]!
        const marker = `(révision ${index + 1})`
        const title = `${formation.title} ${marker}`
        const document = await content.patch(formation.id).set({ title }).commit()
        const body = JSON.stringify({ _id: formation.id, _type: 'formation', _rev: document._rev, operation: 'update', slug: formation.slug, previousSlug: formation.slug })
        const headers = {
          'content-type': 'application/json',
          'sanity-webhook-signature': await encodeSignatureHeader(body, Date.now(), SECRET),
          'idempotency-key': `bench-${document._rev}`,
        }
        const started = performance.now()
        const delivered = await fetch(`${nitroOrigin}/api/webhooks/sanity`, { method: 'POST', headers, body })
        if (delivered.status !== 202) throw new Error(`webhook answered ${delivered.status}: ${await delivered.text()}`)
        for (;;) {
          const page = await (await fetch(`${edgeOrigin}/formations/${formation.slug}`, { headers: { 'accept-encoding': 'identity' } })).text()
          if (page.includes(marker)) break
          if (performance.now() - started > GIVE_UP_MS) throw new Error(`${formation.slug}: new title not served after ${GIVE_UP_MS} ms`)
          await new Promise(resolve => setTimeout(resolve, POLL_MS))
        }
        samplesMs.push(performance.now() - started)
        // Let this publish's refresh of the other routes finish before the next
        // one: each sample is one publish on an otherwise idle server.
        await waitForRefreshes(nitroOrigin, index + 1)
      }
    }
    finally {
      await edge.stop()
    }
  }
  finally {
    nitro.kill('SIGTERM')
    if (serverLog !== undefined) closeSync(serverLog)
    rmSync(dataDir, { recursive: true, force: true })
    removeTempDirs()
  }
  const sorted = [...samplesMs].sort((a, b) => a - b)
  return { publishes, samplesMs, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), maxMs: sorted.at(-1)! }
}

export function publishToLiveTable(result: PublishToLiveResult): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(3)
  return [
    `publish-to-live — ${result.publishes} publishes, signed webhook → new title served through nginx (${new Date().toISOString().slice(0, 10)})`,
    '',
    '| p50 | p95 | max | target |',
    '|---|---|---|---|',
    `| ${seconds(result.p50Ms)} s | ${seconds(result.p95Ms)} s | ${seconds(result.maxMs)} s | p95 ≤ ${TARGET_P95_SECONDS} s: ${result.p95Ms <= TARGET_P95_SECONDS * 1000 ? 'met' : 'missed'} |`,
  ].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
    if (build.status !== 0) process.exit(build.status ?? 1)
  }
  const table = publishToLiveTable(await benchPublishToLive())
  console.log(table)
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/publish-to-live.md', `${table}\n`)
}
