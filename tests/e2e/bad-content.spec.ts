import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { FOREIGN_REGISTRATION_URL, FOREIGN_URL_FORMATION_ID, writeFixtureDataset } from '../fixtures/dataset'
import { startServer } from './server'

/**
 * Content the Studio would refuse (a foreign "HelloAsso" URL) reaching the
 * site anyway, through an import or the API: the site must not render it as
 * a registration link. The shipped dataset passes content:check, so the bad
 * data comes from a fixture copy served by a second production server.
 */
const fixtureDir = mkdtempSync(join(tmpdir(), 'gpm-fixture-'))
let origin = ''
let stop = () => {}

test.beforeAll(async () => {
  writeFixtureDataset(fixtureDir)
  ;({ origin, stop } = await startServer(3191, { NUXT_CONTENT_DIR: fixtureDir, NUXT_PUBLIC_SITE_ENV: 'test' }))
})
test.afterAll(() => {
  stop()
  rmSync(fixtureDir, { recursive: true, force: true })
})

test('a formation with a foreign registration URL shows no registration button', async ({ page }) => {
  const slug = FOREIGN_URL_FORMATION_ID.replace(/^formation-/, '')
  const response = await page.goto(`${origin}/formations/${slug}`)
  expect(response?.status()).toBe(200)
  await expect(page.locator('h1')).toBeVisible()
  await expect(page.getByRole('link', { name: /S’inscrire sur HelloAsso/ })).toHaveCount(0)
  await expect(page.locator(`a[href="${FOREIGN_REGISTRATION_URL}"]`)).toHaveCount(0)
  expect(await page.content()).not.toContain('helloasso.fr.example.com')
})
