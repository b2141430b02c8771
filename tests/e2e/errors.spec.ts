import { expect, test } from '@playwright/test'

test.describe('French error pages', () => {
  for (const path of ['/cette-page-n-existe-pas', '/formations/formation-inconnue', '/actualites/article-inconnu', '/actualites/page/99', '/a/b/c/d']) {
    test(`${path} answers the 404 page`, async ({ page }) => {
      const response = await page.goto(path)
      expect(response?.status()).toBe(404)
      await expect(page.locator('h1')).toHaveText('Page introuvable')
      await expect(page.getByRole('link', { name: 'Retour à l’accueil' })).toBeVisible()
      expect(await page.content()).not.toMatch(/at .+\.m?js:\d+/)
    })
  }

  test('an impossible slug is a 404, not a query', async ({ request }) => {
    const response = await request.get('/%22%5D%7B..%7D')
    expect(response.status()).toBe(404)
  })
})
