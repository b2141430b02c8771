import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { writePreviewDataset } from '../fixtures/dataset'
import { DRAFT_MARKER } from './dataset'
import { startServer } from './server'

/**
 * Preview mode end to end on the embedded dataset: the Studio's secret
 * handshake, drafts on the page with the banner, never cached for visitors,
 * never indexed, and gone once preview is left.
 */
const PORT = 3270
const LAKE_PORT = 3271
const STUDIO_URL = 'http://127.0.0.1:3333'
const secret = randomBytes(16).toString('hex')
let fixtureDir = ''
const formationPath = '/formations/reseaux-sociaux'
const draftPostPath = '/actualites/bilan-de-mi-saison'
let origin = ''
let stop = () => {}

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  // Created here, not at import: Playwright imports spec files more than once.
  fixtureDir = mkdtempSync(join(tmpdir(), 'gpm-preview-'))
  writePreviewDataset(fixtureDir, secret, STUDIO_URL)
  ;({ origin, stop } = await startServer(PORT, {
    NUXT_CONTENT_DIR: fixtureDir,
    NUXT_PUBLIC_SITE_ENV: 'test',
    NUXT_SANITY_TOKEN: randomBytes(24).toString('hex'),
    NUXT_PUBLIC_STUDIO_URL: STUDIO_URL,
    NUXT_CONTENT_LAKE_PORT: String(LAKE_PORT),
  }))
})
test.afterAll(() => {
  stop()
  if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true })
})

test('without preview, visitors see published content only, and the secret is private', async ({ request }) => {
  const formation = await request.get(`${origin}${formationPath}`)
  expect(formation.status()).toBe(200)
  expect(await formation.text()).not.toContain(DRAFT_MARKER)
  expect((await request.get(`${origin}${draftPostPath}`)).status()).toBe(404)
  // The content API without a token: documents whose id has a dot (the secret's) are not public.
  const query = encodeURIComponent('*[_type == "sanity.previewUrlSecret"]{ secret }')
  const lake = await request.get(`http://127.0.0.1:${LAKE_PORT}/v2025-02-19/data/query/production?query=${query}`)
  expect(lake.status()).toBe(200)
  expect((await lake.json()).result).toEqual([])
})

test.describe('the handshake', () => {
  for (const [title, search] of [
    ['a wrong secret', `sanity-preview-secret=${'0'.repeat(32)}`],
    ['no secret', 'sanity-preview-pathname=/'],
  ] as const) {
    test(`refuses ${title} with 401 and no cookie`, async ({ request }) => {
      const response = await request.get(`${origin}/api/preview/enable?${search}`, { maxRedirects: 0 })
      expect(response.status()).toBe(401)
      expect(await response.json()).toMatchObject({ code: 'invalid_preview_secret' })
      expect(response.headers()['set-cookie']).toBeUndefined()
    })
  }
})

test('enable → the draft and the banner appear, never cached nor indexed → disable → gone', async ({ browser }) => {
  const editor = await browser.newContext()
  const page = await editor.newPage()
  const consoleErrors: string[] = []
  page.on('console', message => message.type() === 'error' && consoleErrors.push(message.text()))
  const scripts: Array<Promise<number>> = []
  page.on('response', response => response.url().includes('/_preview/') && scripts.push(Promise.resolve(response.status())))
  const visitor = await browser.newContext()
  const visitorPage = await visitor.newPage()

  // A visitor fills the page cache first.
  await visitorPage.goto(`${origin}${formationPath}`)
  await expect(visitorPage.locator('h1')).not.toContainText(DRAFT_MARKER)

  const landed = await page.goto(`${origin}/api/preview/enable?sanity-preview-secret=${secret}&sanity-preview-pathname=${encodeURIComponent(formationPath)}`)
  expect(new URL(page.url()).pathname).toBe(formationPath)
  await expect(page.locator('h1')).toContainText(DRAFT_MARKER)
  await expect(page.getByRole('status').filter({ hasText: 'Aperçu' })).toBeVisible()
  const headers = landed!.headers()
  expect(headers['cache-control']).toContain('no-store')
  expect(headers['x-robots-tag']).toContain('noindex')
  expect(headers['content-security-policy']).toContain(`frame-ancestors 'self' ${STUDIO_URL}`)
  expect(headers['x-frame-options']).toBeUndefined()

  // Sanity's overlays load as same-origin modules (the only script the site serves), without errors.
  await expect.poll(() => scripts.length).toBeGreaterThanOrEqual(2)
  expect(await Promise.all(scripts)).toEqual(scripts.map(() => 200))
  expect(consoleErrors).toEqual([])
  // Files are the same in preview: only pages are rendered from drafts.
  expect((await page.request.get(`${origin}/favicon.svg`)).status()).toBe(200)

  // A prerendered route: preview renders the draft-only post instead of the static file.
  const post = await page.goto(`${origin}${draftPostPath}`)
  expect(post!.status()).toBe(200)
  await expect(page.locator('main')).toContainText(DRAFT_MARKER)

  // The visitor, after the preview: still the published page, from the cache or not.
  for (let i = 0; i < 2; i++) {
    const again = await visitorPage.goto(`${origin}${formationPath}`)
    expect(await again!.text()).not.toContain(DRAFT_MARKER)
  }
  expect((await visitorPage.goto(`${origin}${draftPostPath}`))!.status()).toBe(404)

  await page.goto(`${origin}${formationPath}`)
  await page.getByRole('link', { name: 'Quitter l’aperçu' }).click()
  await expect(page).toHaveURL(`${origin}${formationPath}`)
  await expect(page.locator('h1')).not.toContainText(DRAFT_MARKER)
  await expect(page.getByText('Aperçu : contenu non publié')).toHaveCount(0)
  await editor.close()
  await visitor.close()
})

test('a forged or expired preview cookie shows nothing unpublished', async ({ browser }) => {
  const context = await browser.newContext()
  const expired = `${Math.floor(Date.now() / 1000) - 10}.AAAA`
  const forged = `${Math.floor(Date.now() / 1000) + 3600}.${'A'.repeat(43)}`
  for (const value of [expired, forged]) {
    await context.clearCookies()
    await context.addCookies([{ name: '__gpm_preview', value, url: origin }])
    const page = await context.newPage()
    const response = await page.goto(`${origin}${formationPath}`)
    expect(await response!.text()).not.toContain(DRAFT_MARKER)
    await page.close()
  }
  await context.close()
})
