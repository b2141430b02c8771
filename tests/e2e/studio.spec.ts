import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test, type Route } from '@playwright/test'

/**
 * The built Studio (`npm run studio:build` → studio/dist, run by `npm test`
 * before Playwright) served as the Studio image serves it: static files, and
 * index.html for every other path (docker/studio/default.conf).
 *
 * Nothing here reaches the internet. The Studio of a signed-out editor calls
 * two endpoints of its project's API: `/users/me` (answered `{}`, which the
 * Studio reads as "not signed in", like the 401 it also accepts) and
 * `/auth/providers` (the login providers). The test answers both as Sanity
 * does, so the Studio shows its sign-in screen. Really offline it cannot:
 * `/users/me` fails and the Studio shows « An error occurred » instead.
 * Every other request leaving the machine is refused as offline, and any
 * request not listed here fails the test.
 */

const DIST = fileURLToPath(new URL('../../studio/dist/', import.meta.url))
const PORTS = Array.from({ length: 10 }, (_, index) => 3260 + index)

/** What Sanity's API answers a browser without session, by path (after the /vYYYY-MM-DD prefix). */
const SIGNED_OUT_API: Readonly<Record<string, unknown>> = {
  '/users/me': {},
  '/auth/providers': {
    providers: [
      { name: 'google', title: 'Google', url: 'https://api.sanity.io/v1/auth/login/google' },
      { name: 'github', title: 'GitHub', url: 'https://api.sanity.io/v1/auth/login/github' },
      { name: 'sanity', title: 'E-mail / password', url: 'https://api.sanity.io/v1/auth/login/sanity' },
    ],
  },
}
const PROJECT_API = /^https:\/\/[a-z0-9-]+\.api\.sanity\.io\/v[0-9-]+(\/[a-z/]+)$/

/**
 * Assets Sanity's generated index.html always loads from its CDN: the Inter
 * web fonts (@font-face in the document) and bridge.js (added by
 * `sanity build` for Sanity's dashboard). Offline they cannot load, and
 * Chromium logs « Failed to load resource: net::ERR_INTERNET_DISCONNECTED »
 * once per file; the Studio falls back to system fonts and works without the
 * bridge. These console errors, and only these, are not counted: they come
 * from the missing network, not from the Studio.
 */
const OFFLINE_ASSETS = [
  /^https:\/\/studio-static\.sanity\.io\/Inter-[A-Za-z]+\.woff2$/,
  /^https:\/\/core\.sanity-cdn\.com\/bridge\.js$/,
]
const OFFLINE_ERROR = 'Failed to load resource: net::ERR_INTERNET_DISCONNECTED'
const isOfflineAsset = (url: string) => OFFLINE_ASSETS.some(pattern => pattern.test(url))

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(found => found.isFile(), () => false)
}

/** The static server: a file of dist, 404 for a missing /static asset, index.html for any other path. */
function studioServer(): Server {
  return createServer(async (request, response) => {
    const pathname = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://studio').pathname))
    const file = join(DIST, pathname)
    if (!file.startsWith(DIST) && `${file}${sep}` !== DIST) {
      response.writeHead(400).end()
      return
    }
    if (await isFile(file)) {
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' })
      response.end(await readFile(file))
      return
    }
    if (pathname.startsWith('/static/')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES['.html'] })
    response.end(await readFile(join(DIST, 'index.html')))
  })
}

/** Listens on the first free port of 3260–3269 (other specs and helpers use fixed ports nearby). */
async function listen(server: Server): Promise<string> {
  for (const port of PORTS) {
    const listening = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false))
      server.listen(port, '127.0.0.1', () => resolve(true))
    })
    if (listening) return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }
  throw new Error(`no free port in ${PORTS[0]}–${PORTS.at(-1)} for the Studio`)
}

let server: Server | undefined
let origin = ''

test.beforeAll(async () => {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('studio/dist/index.html is missing: build the Studio first with `npm run studio:build` (npm test does it before Playwright).')
  }
  server = studioServer()
  origin = await listen(server)
})

test.afterAll(async () => {
  await new Promise(resolve => (server ? server.close(resolve) : resolve(undefined)))
})

test.describe('Sanity Studio, static build', () => {
  test('loads to its sign-in screen without console errors', async ({ page }) => {
    const consoleErrors: string[] = []
    const unexpectedRequests: string[] = []
    const failedResponses: string[] = []

    page.on('console', (message) => {
      if (message.type() !== 'error') return
      if (message.text() === OFFLINE_ERROR && isOfflineAsset(message.location().url)) return
      consoleErrors.push(`${message.text()} (${message.location().url})`)
    })
    page.on('pageerror', error => consoleErrors.push(`uncaught: ${error.message}`))
    page.on('response', (response) => {
      if (response.url().startsWith(origin) && response.status() >= 400) failedResponses.push(`${response.status()} ${response.url()}`)
    })

    await page.route(url => !url.href.startsWith(`${origin}/`), async (route: Route) => {
      const url = route.request().url()
      const apiPath = PROJECT_API.exec(url.split('?')[0]!)?.[1]
      if (apiPath && apiPath in SIGNED_OUT_API) {
        await route.fulfill({
          status: 200,
          contentType: 'application/json',
          // The Studio sends credentials: Sanity's API answers an allowed CORS origin like this.
          headers: { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' },
          body: JSON.stringify(SIGNED_OUT_API[apiPath]),
        })
        return
      }
      if (!isOfflineAsset(url)) unexpectedRequests.push(`${route.request().method()} ${url}`)
      await route.abort('internetdisconnected')
    })

    await page.goto(`${origin}/`)

    // The sign-in screen of our workspace: its title, and provider links that
    // bring the editor back to this Studio once signed in.
    await expect(page.getByText('GPM — Studio').first()).toBeVisible({ timeout: 30_000 })
    const google = page.locator('a[href^="https://api.sanity.io/v1/auth/login/google?"]')
    await expect(google).toBeVisible()
    const signIn = new URL((await google.getAttribute('href'))!)
    expect(signIn.searchParams.get('origin')).toBe(`${origin}/`)
    expect(signIn.searchParams.get('projectId')).toMatch(/^[a-z0-9-]+$/)
    await expect(page.locator('a[href^="https://api.sanity.io/v1/auth/login/"]')).toHaveCount(3)
    await expect(page.getByText('An error occurred')).toHaveCount(0)

    // Let late requests and errors arrive before judging.
    await page.waitForLoadState('networkidle')
    expect(consoleErrors).toEqual([])
    expect(unexpectedRequests).toEqual([])
    expect(failedResponses).toEqual([])
  })

  test('serves the insert menu thumbnails the build copied from studio/static', async ({ request }) => {
    const response = await request.get(`${origin}/static/blocks/hero.png`)
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toBe('image/png')
    const body = await response.body()
    expect(body.subarray(1, 4).toString('latin1')).toBe('PNG')
  })

  test('answers a deep link with the Studio app, as the image does', async ({ request }) => {
    const response = await request.get(`${origin}/structure/a-relire`)
    expect(response.status()).toBe(200)
    expect(await response.text()).toContain('<div id="sanity">')
  })
})
