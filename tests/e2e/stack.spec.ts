import { spawn, type ChildProcess } from 'node:child_process'
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { loadRepoYaml, removeTempDirs, repoPath, requireBinary } from '../infra/helpers'
import { type Edge, startEdge, TEST_REFRESH_TOKEN } from '../infra/nginx-edge'
import { formations } from './dataset'

/**
 * The production stack run natively, the way the containers run it: the
 * build started with the image's command (`node .output/server/index.mjs`),
 * the environment docker/compose.app.yml gives it, as a non-root user, behind
 * a real nginx running the project's template. Everything is checked through
 * nginx, then the Node server is stopped and nginx must keep serving.
 *
 * Differences with the container, each on purpose: the server listens on
 * loopback (HOST=127.0.0.1, not 0.0.0.0) and on a test port; the embedded
 * PGlite stands in for the stack's PostgreSQL service (DATABASE_URL empty;
 * the real server is covered by tests/db and the backup test); nginx listens
 * on a loopback port and keeps its cache in a temporary directory.
 */

const APP_PORT = 3220
const EDGE_PORT = 3221
const EDGE = `http://127.0.0.1:${EDGE_PORT}`
/** The container's user is `node`; here any unprivileged account does. */
const UNPRIVILEGED_ID = 65534

/**
 * Compose's variable interpolation: ${NAME}, ${NAME:-default}, ${NAME-default},
 * ${NAME:?error}, ${NAME?error}, nested defaults, and $$ for a literal $.
 */
function interpolate(text: string, env: Record<string, string | undefined>): string {
  let result = ''
  let index = 0
  while (index < text.length) {
    if (text.startsWith('$$', index)) {
      result += '$'
      index += 2
      continue
    }
    if (!text.startsWith('${', index)) {
      result += text[index]
      index += 1
      continue
    }
    let depth = 0
    let end = index
    for (; end < text.length; end++) {
      if (text.startsWith('${', end)) {
        depth += 1
        end += 1
      }
      else if (text[end] === '}' && --depth === 0) {
        break
      }
    }
    const expression = text.slice(index + 2, end)
    const match = /^([A-Za-z_]\w*)(?:(:?[-?])([\s\S]*))?$/.exec(expression)
    if (!match) throw new Error(`unsupported interpolation \${${expression}}`)
    const [, name, operator, argument = ''] = match
    const value = env[name!]
    const missing = operator?.startsWith(':') ? !value : value === undefined
    if (operator?.endsWith('-')) result += missing ? interpolate(argument, env) : value
    else if (operator?.endsWith('?') && missing) throw new Error(`${name}: ${argument}`)
    else result += value ?? ''
    index = end + 1
  }
  return result
}

/** The app container's environment: the image's ENV, then compose.app.yml's, rendered from a local env file's values. */
function containerEnvironment(): Record<string, string> {
  const local = {
    GPM_ENV: 'local',
    APP_IMAGE: 'gpm-site:local',
    APP_COLOR: 'blue',
    APP_RELEASE: 'stack-test',
    SITE_URL: EDGE,
    SITE_ENV: 'production',
    SANITY_PROJECT_ID: '',
    SANITY_DATASET: 'production',
    IMAGE_BASE_URL: '',
    SANITY_READ_TOKEN: '',
    SANITY_WEBHOOK_SECRET: 'stack-test-webhook-secret',
    CACHE_REFRESH_TOKEN: TEST_REFRESH_TOKEN,
    POSTGRES_PASSWORD: 'stack-test-only',
  }
  const compose = loadRepoYaml('docker/compose.app.yml') as { services: { app: { environment: Record<string, string | number> } } }
  const fromCompose = Object.fromEntries(Object.entries(compose.services.app.environment)
    .map(([name, value]) => [name, interpolate(String(value), local)]))
  return {
    // The runtime image's ENV (Dockerfile).
    NODE_ENV: 'production',
    NUXT_CONTENT_DIR: repoPath('content'),
    ...fromCompose,
    HOST: '127.0.0.1',
    PORT: String(APP_PORT),
    DATABASE_URL: '',
    // compose.app.yml says http://nginx:8080, the stack's service name.
    NUXT_CACHE_REFRESH_URL: EDGE,
  }
}

function processUid(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find(entry => entry.startsWith('Uid:'))
  return Number(line?.split(/\s+/)[1])
}

let app: ChildProcess | undefined
let dataDir = ''
let edge: Edge | undefined
const formation = formations.find(candidate => candidate.slug?.current)!

async function stopApp() {
  const server = app
  app = undefined
  if (!server || server.exitCode !== null) return
  const exited = new Promise(resolve => server.once('exit', resolve))
  server.kill('SIGTERM')
  await exited
}

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  const environment = containerEnvironment()
  expect(environment.NODE_ENV).toBe('production')
  expect(environment.NUXT_PUBLIC_SITE_URL).toBe(EDGE)
  expect(environment.NUXT_CACHE_REFRESH_TOKEN).toBe(TEST_REFRESH_TOKEN)

  // Only the data directory is writable, as /app/.data is in the image.
  dataDir = mkdtempSync(join(tmpdir(), 'gpm-e2e-stack-'))
  const asRoot = process.getuid?.() === 0
  if (asRoot) chownSync(dataDir, UNPRIVILEGED_ID, UNPRIVILEGED_ID)
  const command = [process.execPath, '.output/server/index.mjs']
  const launcher = asRoot
    ? [requireBinary('setpriv', 'apt-get install util-linux'), `--reuid=${UNPRIVILEGED_ID}`, `--regid=${UNPRIVILEGED_ID}`, '--clear-groups', '--']
    : []
  const [executable, ...args] = [...launcher, ...command]
  // A clean environment, as in a container: nothing inherited but PATH.
  app = spawn(executable!, args, { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NUXT_DATA_DIR: dataDir, ...environment }, stdio: 'ignore' })

  for (let attempt = 0; ; attempt++) {
    if (app.exitCode !== null) throw new Error(`the production server exited with ${app.exitCode}`)
    try {
      if ((await fetch(`http://127.0.0.1:${APP_PORT}/healthz`)).ok) break
    }
    catch { /* still starting */ }
    if (attempt > 150) throw new Error('the production server did not start')
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  edge = await startEdge({ upstream: `127.0.0.1:${APP_PORT}`, port: EDGE_PORT })
})

test.afterAll(async () => {
  await stopApp()
  await edge?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  removeTempDirs()
})

test('the Node server runs as a non-root user', () => {
  expect(processUid(app!.pid!)).not.toBe(0)
})

test('/healthz answers 200 through nginx, never from the cache', async ({ request }) => {
  for (let attempt = 0; attempt < 2; attempt++) {
    const response = await request.get(`${EDGE}/healthz`)
    expect(response.status()).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
    expect(response.headers()['x-cache-status']).not.toBe('HIT')
  }
})

test('a content page answers 200 in French with the security headers', async ({ page }) => {
  const response = await page.goto(`${EDGE}/a-propos`)
  expect(response?.status()).toBe(200)
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  await expect(page.locator('main')).toContainText('L’association')
  const headers = response!.headers()
  expect(headers['content-security-policy']).toContain('frame-src https://www.helloasso.com')
  expect(headers['strict-transport-security']).toMatch(/max-age=\d+/)
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  expect(headers['permissions-policy']).toContain('camera=()')
  expect(headers['cross-origin-opener-policy']).toBe('same-origin')
  expect(headers.server).toBe('nginx')
})

test('an unknown page answers 404 with the French error page', async ({ page }) => {
  const response = await page.goto(`${EDGE}/page-qui-n-existe-pas`)
  expect(response?.status()).toBe(404)
  await expect(page.locator('h1')).toHaveText('Page introuvable')
})

test('the second request of an SSR formation page is a cache HIT', async ({ request }) => {
  const path = `${EDGE}/formations/${formation.slug!.current}`
  const first = await request.get(path)
  expect(first.status()).toBe(200)
  expect(first.headers()['x-cache-status']).toBe('MISS')
  // The app's own validity (routeRules swr) is what nginx keeps it for.
  expect(first.headers()['cache-control']).toMatch(/s-maxage=\d+/)
  const second = await request.get(path)
  expect(second.headers()['x-cache-status']).toBe('HIT')
  expect(await second.text()).toContain(formation.title)
})

test('with the Node server stopped, cached pages are still served and the others get a French 503', async ({ request }) => {
  await request.get(`${EDGE}/formations`)
  await stopApp()

  for (const path of [`/formations/${formation.slug!.current}`, '/a-propos', '/formations']) {
    const response = await request.get(`${EDGE}${path}`)
    expect(response.status(), path).toBe(200)
  }
  expect(await (await request.get(`${EDGE}/formations/${formation.slug!.current}`)).text()).toContain(formation.title)

  const uncached = await request.get(`${EDGE}/actualites?jamais-visitee`)
  expect(uncached.status()).toBe(503)
  expect(uncached.headers()['retry-after']).toBe('60')
  expect(await uncached.text()).toContain('Site momentanément indisponible')
})

test('a refresh while the Node server is down fails and leaves the cached page in place', async ({ request }) => {
  const path = `${EDGE}/formations/${formation.slug!.current}`
  const refresh = await request.get(path, { headers: { 'x-cache-refresh': TEST_REFRESH_TOKEN } })
  expect(refresh.status()).toBe(503)
  const visitor = await request.get(path)
  expect(visitor.status()).toBe(200)
  expect(await visitor.text()).toContain(formation.title)
})

test('after an nginx restart, with the Node server still down, cached pages are still served', async ({ request }) => {
  await edge!.restart()
  const response = await request.get(`${EDGE}/formations/${formation.slug!.current}`)
  expect(response.status()).toBe(200)
  expect(response.headers()['x-cache-status']).toBe('HIT')
  expect(await response.text()).toContain(formation.title)
})
