import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { expect, test } from '@playwright/test'

/**
 * The content API unreachable at request time: prerendered pages still
 * answer 200, a page that needs the API answers a French 503 with
 * Retry-After — never a stack trace.
 */
const PORT = 3190
const ORIGIN = `http://127.0.0.1:${PORT}`
let server: ChildProcess

/** A loopback port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise(resolve => probe.close(resolve))
  return port
}

test.beforeAll(async () => {
  server = spawn(process.execPath, ['.output/server/index.mjs'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      NUXT_PUBLIC_SANITY_PROJECT_ID: 'unreachable',
      NUXT_PUBLIC_SANITY_API_HOST: `http://127.0.0.1:${await closedPort()}`,
      NUXT_PUBLIC_SANITY_USE_PROJECT_HOSTNAME: 'false',
      NUXT_PUBLIC_SANITY_USE_CDN: 'false',
    },
    stdio: 'ignore',
  })
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`${ORIGIN}/robots.txt`)).ok) return
    }
    catch { /* starting */ }
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  throw new Error('server did not start')
})
test.afterAll(() => {
  server?.kill()
})

test('a prerendered page is still served', async ({ request }) => {
  const response = await request.get(`${ORIGIN}/a-propos`)
  expect(response.status()).toBe(200)
  expect(await response.text()).toContain('L’association')
})

test('a page that needs the API answers a French 503 with Retry-After', async ({ page }) => {
  const started = Date.now()
  const response = await page.goto(`${ORIGIN}/formations?categorie=prevention-securite`)
  expect(Date.now() - started).toBeLessThan(10_000)
  expect(response?.status()).toBe(503)
  expect(response?.headers()['retry-after']).toBe('60')
  await expect(page.locator('h1')).toHaveText('Site momentanément indisponible')
  const html = await page.content()
  expect(html).not.toMatch(/at .+\.m?js:\d+|ECONNREFUSED|stack/i)
})

test('readiness fails while liveness holds', async ({ request }) => {
  expect((await request.get(`${ORIGIN}/healthz`)).status()).toBe(200)
  const ready = await request.get(`${ORIGIN}/readyz`)
  expect(ready.status()).toBe(503)
  expect(await ready.json()).toMatchObject({ status: 'unavailable', checks: { content: expect.stringContaining('unreachable') } })
})
