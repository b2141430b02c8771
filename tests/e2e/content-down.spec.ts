import { expect, test } from '@playwright/test'
import { closedPort, startServer } from './server'

/**
 * The content API unreachable at request time: prerendered pages still
 * answer 200, a page that needs the API answers a French 503 with
 * Retry-After — never a stack trace.
 */
let ORIGIN = ''
let stop = () => {}

test.beforeAll(async () => {
  ({ origin: ORIGIN, stop } = await startServer(3190, {
    NUXT_PUBLIC_SANITY_PROJECT_ID: 'unreachable',
    NUXT_PUBLIC_SANITY_API_HOST: `http://127.0.0.1:${await closedPort()}`,
    NUXT_PUBLIC_SANITY_USE_PROJECT_HOSTNAME: 'false',
    NUXT_PUBLIC_SANITY_USE_CDN: 'false',
  }))
})
test.afterAll(() => stop())

test('a prerendered page is still served', async ({ request }) => {
  const response = await request.get(`${ORIGIN}/a-propos`)
  expect(response.status()).toBe(200)
  expect(await response.text()).toContain('L’association')
})

test('a page that needs the API answers a French 503 with Retry-After', async ({ page }) => {
  const response = await page.goto(`${ORIGIN}/formations?categorie=prevention-securite`)
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
