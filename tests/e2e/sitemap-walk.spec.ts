import { expect, test } from '@playwright/test'
import { DRAFT_MARKER } from './dataset'

/** Every URL the sitemap publishes, as the site itself lists them. */
async function sitemapPaths(baseURL: string): Promise<string[]> {
  const response = await fetch(`${baseURL}/sitemap.xml`)
  expect(response.status).toBe(200)
  const xml = await response.text()
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(match => new URL(match[1]!).pathname)
}

test('the sitemap lists every content type', async ({ baseURL }) => {
  const paths = await sitemapPaths(baseURL!)
  expect(paths).toContain('/')
  expect(paths).toContain('/formations')
  expect(paths).toContain('/adhesion')
  expect(paths).toContain('/actualites')
  expect(paths.some(path => path.startsWith('/formations/'))).toBe(true)
  expect(paths.some(path => path.startsWith('/actualites/'))).toBe(true)
  expect(paths).toContain('/association/equipe')
})

test('every sitemap URL answers 200 with one visible h1, no console error and no draft', async ({ page, baseURL }) => {
  const paths = await sitemapPaths(baseURL!)
  expect(paths.length).toBeGreaterThan(15)
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${page.url()}: console error: ${message.text()}`)
  })
  page.on('pageerror', error => problems.push(`${page.url()}: page error: ${error.message}`))

  for (const path of paths) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(200)
    await expect(page.locator('h1:visible'), path).toHaveCount(1)
    expect(await page.content(), path).not.toContain(DRAFT_MARKER)
    await expect(page.locator('html'), path).toHaveAttribute('lang', 'fr')
  }
  expect(problems).toEqual([])
})

test('content pages ship no JavaScript', async ({ page }) => {
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url())
  })
  for (const path of ['/', '/formations', '/adhesion', '/actualites', '/a-propos', '/page-inconnue']) {
    await page.goto(path)
    // Only JSON-LD data blocks, never an executable inline script.
    const inline = await page.locator('script:not([type="application/ld+json"])').count()
    expect(inline, path).toBe(0)
  }
  expect(scripts).toEqual([])
})

test('robots.txt closes every environment but production', async ({ request }) => {
  const response = await request.get('/robots.txt')
  expect(await response.text()).toContain('Disallow: /')
})

test('outside production, prerendered and rendered pages alike carry noindex', async ({ request }) => {
  for (const path of ['/a-propos', '/formations']) {
    const response = await request.get(path)
    expect(response.headers()['x-robots-tag'], path).toBe('noindex, nofollow')
  }
})

test('health endpoints answer on the embedded dataset', async ({ request }) => {
  const live = await request.get('/healthz')
  expect(await live.json()).toEqual({ status: 'ok' })
  const ready = await request.get('/readyz')
  expect(ready.status()).toBe(200)
  expect(await ready.json()).toEqual({ status: 'ready', checks: { content: 'ok' } })
})

test('security headers on prerendered and rendered pages, HelloAsso allowed in frames', async ({ request }) => {
  for (const path of ['/a-propos', '/', '/formations']) {
    const headers = (await request.get(path)).headers()
    expect(headers['content-security-policy'], path).toContain(`script-src 'none'`)
    expect(headers['content-security-policy'], path).toContain('frame-src https://www.helloasso.com')
    expect(headers['content-security-policy'], path).toContain(`frame-ancestors 'none'`)
    expect(headers['strict-transport-security'], path).toContain('max-age=')
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin')
    expect(headers['x-content-type-options'], path).toBe('nosniff')
    expect(headers['cross-origin-opener-policy'], path).toBe('same-origin')
    expect(headers['permissions-policy'], path).toContain('camera=()')
  }
})

test('a page with a HelloAsso widget loads it under the policy without violations', async ({ page }) => {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  await page.goto('/adhesion-faq')
  await expect(page.locator('iframe[src^="https://www.helloasso.com/"]')).toHaveCount(1)
  expect(violations).toEqual([])
})
