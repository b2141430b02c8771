/**
 * bench:serve — requests per second and p99 latency of the serving path, on
 * loopback, servers pinned to one core and the load generator (autocannon, in
 * this process) to another:
 *
 *   (a) bare nginx serving a prerendered page from .output/public;
 *   (b) the same page through the project's nginx → Nitro (edge cache);
 *   (c) a cached SSR formation page through the project's nginx;
 *   (d) an uncached SSR formation page straight from Nitro (a new query
 *       string per request, so neither nginx nor Nitro's own cache answers;
 *       the content queries are answered by the server's query cache, as for
 *       every render between two publishes; 10 connections, a render takes
 *       long enough for 50 to queue);
 *   (d′) the same render right after a publish: each request (new query
 *       string too: Nitro joins concurrent renders of one URL) carries the
 *       edge's refresh token, which drops every kept content query result,
 *       so the render asks the content API again.
 *
 *   npm run bench:serve                 # build, then measure
 *   npm run bench:serve -- --no-build   # reuse .output
 *   BENCH_DURATION=20 BENCH_CONNECTIONS=100 npm run bench:serve
 *
 * Clients ask for no compression, so every case sends the same HTML bytes.
 * Figures, not assertions: these machines are shared and noisy.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { makeTempDir, removeTempDirs, repoPath, requireBinary } from '../tests/infra/helpers.ts'
import { nginxBinary, startEdge, writeNginxConfig } from '../tests/infra/nginx-edge.ts'
import { embeddedFormations, waitForServer } from './helpers.ts'

const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const NITRO_PORT = 3240
const EDGE_PORT = 3241
const BARE_PORT = 3242
const PRERENDERED_PAGE = '/a-propos'
const SERVER_CORE = '0'
const LOAD_CORE = '1'

interface Measure {
  name: string
  url: string
  connections: number
  requestsPerSecond: number
  p99: number
  non2xx: number
  errors: number
}

/** Bare nginx with the prerendered files as its root: the ceiling for a static page. */
function startBareNginx(launcher: string[]): ChildProcess {
  const dir = makeTempDir('bench-bare')
  const config = writeNginxConfig(dir, `
server {
  listen 127.0.0.1:${BARE_PORT};
  types { text/html html; text/css css; application/javascript js; image/svg+xml svg; }
  access_log off;
  root ${repoPath('.output/public')};
  location / { try_files $uri $uri/index.html =404; }
}
`)
  const [command, ...args] = [...launcher, nginxBinary(), '-p', dir, '-e', join(dir, 'error.log'), '-c', config]
  return spawn(command!, args, { stdio: 'ignore' })
}

async function measure(name: string, url: string, options: { uniqueQuery?: boolean, connections?: number, headers?: Record<string, string> } = {}): Promise<Measure> {
  const connections = options.connections ?? CONNECTIONS
  const target = new URL(url)
  let counter = 0
  const requests = options.uniqueQuery
    ? [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: `${target.pathname}?bench=${Date.now()}-${counter++}` }) }]
    : undefined
  const run = (duration: number) => autocannon({ url, connections, duration, requests, headers: options.headers })
  await run(2) // warm-up: connections, JIT, caches
  const result = await run(DURATION)
  const measured = { name, url, connections, requestsPerSecond: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors }
  console.error(`measured ${name}: ${Math.round(measured.requestsPerSecond)} req/s, p99 ${measured.p99} ms`)
  return measured
}

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

// Servers on one core, this process (the load) on the other.
const pinned = availableParallelism() >= 2
const launcher = pinned ? [requireBinary('taskset', 'apt-get install util-linux'), '-c', SERVER_CORE] : []
if (pinned) spawnSync('taskset', ['-a', '-p', '-c', LOAD_CORE, String(process.pid)], { stdio: 'ignore' })
else console.error('one core only: servers and load share it, figures are lower bounds')

const slug = embeddedFormations()[0]!.slug
const EDGE = `http://127.0.0.1:${EDGE_PORT}`
const NITRO = `http://127.0.0.1:${NITRO_PORT}`
const dataDir = mkdtempSync(join(tmpdir(), 'gpm-bench-serve-'))
const REFRESH_TOKEN = randomBytes(16).toString('hex')
const [nitroCommand, ...nitroArgs] = [...launcher, process.execPath, '.output/server/index.mjs']
const nitro = spawn(nitroCommand!, nitroArgs, {
  env: { ...process.env, NODE_ENV: 'production', PORT: String(NITRO_PORT), HOST: '127.0.0.1', NUXT_PUBLIC_SITE_ENV: 'production', NUXT_PUBLIC_SITE_URL: EDGE, NUXT_DATA_DIR: dataDir, NUXT_CACHE_REFRESH_TOKEN: REFRESH_TOKEN },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const bare = startBareNginx(launcher)
const results: Measure[] = []
try {
  // Ready, not just up: the embedded database and content are in place, so
  // their start-up work does not run during the first measurement.
  await waitForServer(`${NITRO}/readyz`, nitro)
  await waitForServer(`http://127.0.0.1:${BARE_PORT}${PRERENDERED_PAGE}`, bare)
  const edge = await startEdge({ upstream: `127.0.0.1:${NITRO_PORT}`, port: EDGE_PORT, launcher })
  try {
    // Fill the edge cache and check (b) and (c) are what they claim to be.
    for (const path of [PRERENDERED_PAGE, `/formations/${slug}`]) {
      await fetch(`${EDGE}${path}`)
      const cached = await fetch(`${EDGE}${path}`, { headers: { 'accept-encoding': 'identity' } })
      await fetch(`${EDGE}${path}`, { headers: { 'accept-encoding': 'identity' } })
      const again = await fetch(`${EDGE}${path}`, { headers: { 'accept-encoding': 'identity' } })
      if (cached.status !== 200 || again.headers.get('x-cache-status') !== 'HIT') {
        throw new Error(`${path} is not served from the edge cache (${again.status}, ${again.headers.get('x-cache-status')})`)
      }
    }
    results.push(await measure('(a) bare nginx, prerendered page', `http://127.0.0.1:${BARE_PORT}${PRERENDERED_PAGE}`))
    results.push(await measure('(b) nginx → Nitro, same page', `${EDGE}${PRERENDERED_PAGE}`))
    results.push(await measure('(c) nginx, cached SSR formation page', `${EDGE}/formations/${slug}`))
    results.push(await measure('(d′) Nitro, uncached SSR formation page after a publish', `${NITRO}/formations/${slug}`, { uniqueQuery: true, connections: 10, headers: { 'x-cache-refresh': REFRESH_TOKEN } }))
    results.push(await measure('(d) Nitro, uncached SSR formation page', `${NITRO}/formations/${slug}`, { uniqueQuery: true, connections: 10 }))
  }
  finally {
    await edge.stop()
  }
}
finally {
  bare.kill('SIGTERM')
  nitro.kill('SIGTERM')
  rmSync(dataDir, { recursive: true, force: true })
  removeTempDirs()
}

const [bareNginx] = results
const targets: Record<string, (measure: Measure) => string> = {
  '(b)': measure => `≥ 80% of (a): ${measure.requestsPerSecond >= 0.8 * bareNginx!.requestsPerSecond ? 'met' : 'missed'}`,
  '(c)': measure => `≥ 80% of (a): ${measure.requestsPerSecond >= 0.8 * bareNginx!.requestsPerSecond ? 'met' : 'missed'}`,
  '(d)': measure => `≥ 300 req/s: ${measure.requestsPerSecond >= 300 ? 'met' : 'missed'}`,
  '(d′': measure => `≥ 300 req/s: ${measure.requestsPerSecond >= 300 ? 'met' : 'missed'}`,
}
const table = [
  `bench:serve — ${DURATION} s per case after a 2 s warm-up, ${pinned ? `servers on core ${SERVER_CORE}, load on core ${LOAD_CORE}` : 'one shared core'} (${new Date().toISOString().slice(0, 10)})`,
  '',
  '| case | connections | req/s | p99 | vs (a) | non-2xx | errors | target |',
  '|---|---|---|---|---|---|---|---|',
  ...results.map(measure => `| ${measure.name} | ${measure.connections} | ${Math.round(measure.requestsPerSecond)} | ${measure.p99} ms | ${Math.round(100 * measure.requestsPerSecond / bareNginx!.requestsPerSecond)}% | ${measure.non2xx} | ${measure.errors} | ${targets[measure.name.slice(0, 3)]?.(measure) ?? '—'} |`),
].join('\n')
console.log(table)
mkdirSync('bench/results', { recursive: true })
writeFileSync('bench/results/serve.md', `${table}\n`)

// Publish-to-live latency (issue 5), on the same build: bench/publish-to-live.ts.
const { benchPublishToLive, publishToLiveTable } = await import('./publish-to-live.ts')
const publishTable = publishToLiveTable(await benchPublishToLive())
console.log(`\n${publishTable}`)
writeFileSync('bench/results/publish-to-live.md', `${publishTable}\n`)
