import { expect, test } from '@playwright/test'
import { categoryWithFormations, formationWithOpenRegistration, formations, upcomingFormationCount } from './dataset'

test('an open formation links to its HelloAsso registration', async ({ page }) => {
  const { formation, session } = formationWithOpenRegistration()
  await page.goto(`/formations/${formation.slug!.current}`)
  await expect(page.locator('h1')).toHaveText(formation.title)
  const cta = page.getByRole('link', { name: /S’inscrire sur HelloAsso/ }).first()
  await expect(cta).toBeVisible()
  const hrefs = await page.getByRole('link', { name: /S’inscrire sur HelloAsso/ }).evaluateAll(links => links.map(link => (link as HTMLAnchorElement).href))
  expect(hrefs).toContain(new URL(session.registrationUrl!).href)
})

test('full and past sessions say so instead of offering registration', async ({ page }) => {
  const full = formations.find(formation => formation.sessions?.some(session => session.start && new Date(session.start) > new Date() && session.capacity !== undefined && (session.registrations ?? 0) >= session.capacity!))
  expect(full, 'dataset has a full upcoming session').toBeDefined()
  await page.goto(`/formations/${full!.slug!.current}`)
  await expect(page.locator('[data-session-status="full"]').first()).toContainText('Complet')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the catalogue filters by category and upcoming sessions', async ({ page }) => {
    const { category } = categoryWithFormations()
    await page.goto('/formations')
    await expect(page.locator('main article')).toHaveCount(formations.length)

    await page.getByLabel('Catégorie').selectOption(category.slug.current)
    await page.getByLabel('Sessions à venir uniquement').check()
    await page.getByRole('button', { name: 'Filtrer' }).click()

    await expect(page).toHaveURL(new RegExp(`categorie=${category.slug.current}`))
    await expect(page).toHaveURL(/a-venir=1/)
    await expect(page.locator('main article')).toHaveCount(upcomingFormationCount(category._id))
    await expect(page.getByLabel('Catégorie')).toHaveValue(category.slug.current)
    for (const label of await page.locator('main article p.uppercase').allTextContents()) {
      expect(label.trim()).toBe(category.title)
    }
  })

  test('the mobile menu opens with the keyboard', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('/')
    const mobileNav = page.getByRole('navigation', { name: 'Navigation principale (mobile)' })
    await expect(mobileNav).toBeHidden()
    await page.locator('summary', { hasText: 'Menu' }).focus()
    await page.keyboard.press('Enter')
    await expect(mobileNav).toBeVisible()
    await expect(mobileNav.getByRole('link', { name: 'Formations' })).toBeVisible()
  })
})

test.describe('catalogue URLs', () => {
  for (const [requested, expected] of [
    ['/formations?utm_source=x', '/formations'],
    ['/formations?categorie=INVALID!&a-venir=1', '/formations?a-venir=1'],
    ['/formations?a-venir=1&categorie=gestion-associative', '/formations?categorie=gestion-associative&a-venir=1'],
  ]) {
    test(`${requested} redirects to ${expected}`, async ({ request }) => {
      const response = await request.get(requested!, { maxRedirects: 0 })
      expect(response.status()).toBe(301)
      expect(response.headers().location).toBe(expected)
    })
  }

  test('a clean filter URL is served directly', async ({ request }) => {
    const response = await request.get('/formations?categorie=gestion-associative&a-venir=1', { maxRedirects: 0 })
    expect(response.status()).toBe(200)
  })
})
