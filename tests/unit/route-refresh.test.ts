import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { hash } from 'nitropack/runtime/internal/hash'
import { createStorage } from 'unstorage'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRouteKeyIndex, parseStoredKey, purgeRouteCache, routeCacheKey, routeCachePrefix } from '../../server/publish/route-cache'
import { startRefresh } from '../../server/publish/refresh'

describe('Nitro route cache keys', () => {
  it.each([
    ['/', 'index'],
    ['/formations', 'formations'],
    ['/formations?categorie=prevention-securite', 'formations'],
    ['/formations/prevention-secours-civiques-psc1', 'formationspreven'],
    ['/formations/%C3%A9t%C3%A9', 'formationst'], // \W drops accented letters too, as in Nitro
  ])('%s → prefix %s', (url, prefix) => {
    expect(routeCachePrefix(url)).toBe(prefix)
  })

  it('a key is the prefix and Nitro\'s hash of the whole URL', () => {
    expect(routeCacheKey('/formations?categorie=x')).toBe(`formations.${hash('/formations?categorie=x')}`)
    expect(hash('/formations')).toMatch(/^[A-Za-z0-9]{10}$/)
  })

  it.each([
    ['cache:nitro:routes:_:formations.abc123DEF0.json', 'formations.abc123DEF0'],
    ['cache:nitro:routes:_:index.abc123DEF0:HEAD.json', 'index.abc123DEF0'],
    ['cache:nitro:handlers:_:formations.abc.json', undefined],
  ])('stored key %s → %s', (stored, key) => {
    expect(parseStoredKey(stored)).toBe(key)
  })
})

describe('purging the route cache', () => {
  // What Nitro stores: `cache:nitro:routes:_:<key>[:HEAD].json`.
  const stored = (url: string, head = false) => `cache:nitro:routes:_:${routeCacheKey(url)}${head ? ':HEAD' : ''}.json`
  const served = [
    '/', '/formations', '/formations?categorie=gestion-associative', '/formations?a-venir=1',
    '/formations/prevention-secours-civiques-psc1', '/formations/prevention-secours-civiques-psc1?utm_source=lettre',
    '/formations/prevention-secours-avances', '/formations/reseaux-sociaux',
  ]

  async function cacheWith(urls: string[]) {
    const storage = createStorage()
    const index = createRouteKeyIndex()
    for (const url of urls) {
      await storage.setItem(stored(url), { value: url })
      index.record(url)
    }
    await storage.setItem(stored('/formations/reseaux-sociaux', true), { value: 'HEAD' })
    await storage.setItem('cache:nitro:handlers:_:other.json', { value: 'not a route' })
    await storage.setItem('sitemap:sitemap:sitemap:xml:default-https-gpm.fr.json', { value: 'sitemap' })
    return { storage, index }
  }
  const remaining = async (storage: ReturnType<typeof createStorage>) => (await Promise.all(
    (await storage.getKeys('cache:nitro:routes')).map(async key => (await storage.getItem<{ value: string }>(key))!.value),
  )).sort()

  it('removes a formation page and its query-string variants, not the formations sharing its 16-character prefix', async () => {
    const { storage, index } = await cacheWith(served)
    const removed = await purgeRouteCache(storage, ['/formations/prevention-secours-civiques-psc1'], index)
    expect(removed).toBe(2)
    expect(await remaining(storage)).toEqual(served.filter(url => !url.startsWith('/formations/prevention-secours-civiques-psc1')).concat('HEAD').sort())
  })

  it('removes every variant of the catalogue with /formations, and the HEAD copy of a page', async () => {
    const { storage, index } = await cacheWith(served)
    await purgeRouteCache(storage, ['/formations', '/formations/reseaux-sociaux'], index)
    expect(await remaining(storage)).toEqual(['/', '/formations/prevention-secours-avances', '/formations/prevention-secours-civiques-psc1', '/formations/prevention-secours-civiques-psc1?utm_source=lettre'])
  })

  it('without the index (a shared cache), a whole prefix still finds the catalogue variants', async () => {
    const { storage } = await cacheWith(served)
    await purgeRouteCache(storage, ['/formations'])
    expect(await remaining(storage)).not.toContain('/formations?categorie=gestion-associative')
    // A truncated prefix is not enough to decide: only the exact URL goes.
    await purgeRouteCache(storage, ['/formations/prevention-secours-civiques-psc1'])
    expect(await remaining(storage)).toEqual(expect.arrayContaining(['/formations/prevention-secours-avances', '/formations/prevention-secours-civiques-psc1?utm_source=lettre']))
  })

  it('leaves other handlers\' caches and the sitemap alone unless asked', async () => {
    const { storage, index } = await cacheWith(served)
    await purgeRouteCache(storage, ['/'], index)
    expect(await storage.hasItem('cache:nitro:handlers:_:other.json')).toBe(true)
    expect(await storage.hasItem('sitemap:sitemap:sitemap:xml:default-https-gpm.fr.json')).toBe(true)
    await purgeRouteCache(storage, ['/sitemap.xml'], index)
    expect(await storage.hasItem('sitemap:sitemap:sitemap:xml:default-https-gpm.fr.json')).toBe(false)
  })

  it('\'all\' empties the route cache and the sitemap', async () => {
    const { storage, index } = await cacheWith(served)
    expect(await purgeRouteCache(storage, 'all', index)).toBe(served.length + 2)
    expect(await storage.getKeys('cache:nitro:routes')).toEqual([])
    expect(await storage.hasItem('cache:nitro:handlers:_:other.json')).toBe(true)
  })
})

describe('refreshing at the nginx edge', () => {
  let edge: Server
  let edgeUrl = ''
  const seen: { url: string, headers: IncomingHttpHeaders, at: number }[] = []

  beforeAll(async () => {
    // Stands in for nginx: records what it is asked, answers per route.
    edge = createServer((request, response) => {
      seen.push({ url: request.url!, headers: request.headers, at: performance.now() })
      const status = request.url === '/en-panne' ? 502 : request.url === '/ancienne-adresse' ? 404 : 200
      response.writeHead(status, { 'content-type': 'text/html' })
      response.end('<html></html>')
    })
    await new Promise<void>(resolve => edge.listen(0, '127.0.0.1', resolve))
    edgeUrl = `http://127.0.0.1:${(edge.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise(resolve => edge.close(resolve)))

  it('purges Nitro first, then GETs every route with the public Host and the refresh token', async () => {
    seen.length = 0
    let purgedAt = 0
    const routes = ['/', '/formations?categorie=prevention-securite&a-venir=1', '/ancienne-adresse', '/en-panne']
    const started = await startRefresh(routes, false, {
      purge: async (purged) => {
        expect(purged).toEqual(routes)
        purgedAt = performance.now()
        return 3
      },
      edge: { url: edgeUrl, token: 'refresh-token-0123456789abcdef0123', host: 'gpm.fr' },
    })
    expect(started.purged).toBe(3)
    const report = await started.done
    expect(seen.map(request => request.url).sort()).toEqual([...routes].sort())
    for (const request of seen) {
      expect(request.headers.host).toBe('gpm.fr')
      expect(request.headers['x-cache-refresh']).toBe('refresh-token-0123456789abcdef0123')
      expect(request.at).toBeGreaterThan(purgedAt)
    }
    expect(report).toMatchObject({ routes: 4, purged: 3, refreshed: 3, failures: [{ route: '/en-panne', status: 502 }] })
  })

  it('refreshes the changed page first and the sitemap last', async () => {
    seen.length = 0
    const started = await startRefresh(['/', '/formations', '/formations/a', '/sitemap.xml', '/a-propos'], false, {
      purge: async () => 0,
      edge: { url: edgeUrl, token: 't', host: 'gpm.fr' },
      concurrency: 1,
      first: ['/formations/a'],
    })
    await started.done
    expect(seen.map(request => request.url)).toEqual(['/formations/a', '/', '/formations', '/a-propos', '/sitemap.xml'])
  })

  it('an unreachable edge is a failure per route, not an exception', async () => {
    const started = await startRefresh(['/'], false, { purge: async () => 0, edge: { url: 'http://127.0.0.1:9', token: 't', host: 'gpm.fr' } })
    expect((await started.done).failures).toEqual([{ route: '/', error: expect.any(String) }])
  })

  it('without an edge, only the routes Nitro caches are rendered locally', async () => {
    const warmed: string[] = []
    const started = await startRefresh(['/', '/a-propos', '/formations/x', '/sitemap.xml'], true, {
      purge: async routes => (expect(routes).toBe('all'), 7),
      warm: async (route) => {
        warmed.push(route)
        return 200
      },
      isCachedRoute: route => route === '/' || route.startsWith('/formations'),
    })
    expect(await started.done).toMatchObject({ routes: 4, purged: 7, refreshed: 2, failures: [] })
    expect(warmed.sort()).toEqual(['/', '/formations/x'])
  })
})
