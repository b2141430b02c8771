/**
 * The stacks' nginx (docker/nginx/templates/default.conf.template) in a real
 * nginx from Debian: rendered the way the nginx image renders it, checked
 * with `nginx -t`, then run in front of a stand-in app (node:http) to prove
 * what it forwards, what it caches, what it never caches, what it serves when
 * the app fails, and the refresh contract the publish webhook relies on.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir, readRepoFile, removeTempDirs } from './helpers'
import { type Edge, nginxTest, renderTemplate, startEdge, TEMPLATE_PATH, TEST_REFRESH_TOKEN, writeNginxConfig } from './nginx-edge'

afterAll(removeTempDirs)

const template = readRepoFile(TEMPLATE_PATH)
const HOST = 'gpm.fr'

function renderedIn(dir: string, variables: Record<string, string>): string {
  return renderTemplate({ variables, port: 18080, cacheDir: join(dir, 'cache'), logDir: join(dir, 'logs') })
}

describe('nginx -t', () => {
  it('accepts the rendered template', () => {
    const dir = makeTempDir('nginx')
    const result = nginxTest(dir, writeNginxConfig(dir, renderedIn(dir, { APP_UPSTREAM: '127.0.0.1:3000', CACHE_REFRESH_TOKEN: TEST_REFRESH_TOKEN })))
    expect(result.stderr).toContain('test is successful')
    expect(result.status).toBe(0)
  })

  it('keeps nginx variables for nginx: only APP_UPSTREAM and CACHE_REFRESH_TOKEN are template variables', () => {
    const names = new Set([...template.matchAll(/\$\{(\w+)\}/g)].map(match => match[1]))
    expect([...names].sort()).toEqual(['APP_UPSTREAM', 'CACHE_REFRESH_TOKEN'])
    // envsubst also replaces $NAME for defined variables: nginx's own variables are lower case.
    expect(template.match(/\$[A-Z_]+\b/g)).toBeNull()
  })

  it('refuses to start when CACHE_REFRESH_TOKEN was not defined for the container (no silent "no refresh")', () => {
    const dir = makeTempDir('nginx-unset')
    const result = nginxTest(dir, writeNginxConfig(dir, renderedIn(dir, { APP_UPSTREAM: '127.0.0.1:3000' })))
    expect(result.status).not.toBe(0)
    expect(result.stderr).toContain('unknown "cache_refresh_token" variable')
  })

  it('refuses a broken configuration', () => {
    const dir = makeTempDir('nginx-broken')
    const broken = renderedIn(dir, { APP_UPSTREAM: '127.0.0.1:3000', CACHE_REFRESH_TOKEN: TEST_REFRESH_TOKEN })
      .replace('proxy_cache gpm_pages;', 'proxy_cache gpm_pages')
    const result = nginxTest(dir, writeNginxConfig(dir, broken))
    expect(result.status).not.toBe(0)
    expect(result.stderr).toMatch(/emerg/)
  })
})

/** What the stand-in app answers for one path. */
interface Answer {
  status?: number
  headers?: Record<string, string>
  body: string
}

interface SeenRequest {
  url: string
  method: string
  headers: IncomingHttpHeaders
}

/**
 * Stands in for Nitro: answers from a table of paths, and compresses like the
 * app's compression plugin (br, else gzip, else none; Vary: Accept-Encoding).
 */
class StandInApp {
  readonly seen: SeenRequest[] = []
  readonly answers = new Map<string, Answer>()
  port = 0
  private server: Server | undefined

  async start(): Promise<void> {
    const server = createServer((request, response) => {
      this.seen.push({ url: request.url ?? '', method: request.method ?? '', headers: request.headers })
      request.resume()
      request.on('end', () => this.answer(request.url ?? '/', request.headers['accept-encoding'] ?? '', response))
    })
    await new Promise<void>(resolve => server.listen(this.port, '127.0.0.1', resolve))
    this.port ||= (server.address() as { port: number }).port
    this.server = server
  }

  /** Stops listening and drops nginx's keepalive connections: the app is down. */
  async stop(): Promise<void> {
    const server = this.server
    this.server = undefined
    if (!server) return
    const closed = new Promise(resolve => server.close(resolve))
    server.closeAllConnections()
    await closed
  }

  requestsFor(path: string): SeenRequest[] {
    return this.seen.filter(request => request.url === path)
  }

  private answer(url: string, acceptEncoding: string, response: ServerResponse) {
    const answer = this.answers.get(url) ?? { body: `<!doctype html><html lang="fr"><title>${url}</title></html>` }
    response.statusCode = answer.status ?? 200
    response.setHeader('content-type', 'text/html; charset=utf-8')
    for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value)
    response.setHeader('vary', 'Accept-Encoding')
    if (/\bbr\b/.test(acceptEncoding)) {
      response.setHeader('content-encoding', 'br')
      response.end(brotliCompressSync(answer.body))
    }
    else if (/\bgzip\b/.test(acceptEncoding)) {
      response.setHeader('content-encoding', 'gzip')
      response.end(gzipSync(answer.body))
    }
    else {
      response.end(answer.body)
    }
  }
}

interface Visit {
  status: number
  headers: IncomingHttpHeaders
  /** The body as sent (compressed or not). */
  raw: Buffer
  /** The body decoded according to Content-Encoding. */
  text: string
}

/** One request through node:http: fetch() may not set the Host header, and it decompresses. */
function visit(port: number, path: string, options: { method?: string, headers?: Record<string, string>, body?: string } = {}): Promise<Visit> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: HOST, ...options.headers } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => {
        const raw = Buffer.concat(chunks)
        const encoding = response.headers['content-encoding']
        const decoded = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw
        resolve({ status: response.statusCode ?? 0, headers: response.headers, raw, text: decoded.toString('utf8') })
      })
    })
    request.on('error', reject)
    request.end(options.body)
  })
}

/** Repeats `read` until `accept` holds (background work inside nginx), then returns the last value. */
async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  let value = await read()
  for (let attempt = 0; attempt < 100 && !accept(value); attempt++) {
    await new Promise(resolve => setTimeout(resolve, 50))
    value = await read()
  }
  return value
}

// nginx reads an `X-Accel-Expires: @<unix time>` answer as valid until that
// instant: `@1` stores an entry already past its validity, so the next request
// meets an expired page without the test waiting for a real max-age to run out.
const ALREADY_EXPIRED = { 'x-accel-expires': '@1' }

describe('nginx in front of the app', () => {
  const app = new StandInApp()
  let edge: Edge
  const get = (path: string, headers: Record<string, string> = {}) => visit(edge.port, path, { headers })

  beforeAll(async () => {
    await app.start()
    edge = await startEdge({ upstream: `127.0.0.1:${app.port}` })
  })

  afterAll(async () => {
    await edge?.stop()
    await app.stop()
  })

  it('answers its own health check without calling the app', async () => {
    const before = app.seen.length
    const response = await get('/nginx-health')
    expect(response.status).toBe(200)
    expect(response.text).toBe('ok\n')
    expect(app.seen.length).toBe(before)
  })

  it('forwards host, scheme and client chain from the edge, and the app\'s answer back', async () => {
    app.answers.set('/formations?categorie=management', { headers: { 'x-gpm-release': 'blue-sha-1111111' }, body: '<title>GPM</title>' })
    const response = await get('/formations?categorie=management', {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '203.0.113.9',
      'connection': 'close',
    })
    expect(response.status).toBe(200)
    expect(response.headers['x-gpm-release']).toBe('blue-sha-1111111')
    expect(response.headers.server).toBe('nginx')
    expect(response.text).toContain('<title>GPM</title>')
    const request = app.requestsFor('/formations?categorie=management').at(-1)!
    expect(request.headers.host).toBe(HOST)
    expect(request.headers['x-forwarded-proto']).toBe('https')
    expect(request.headers['x-forwarded-host']).toBe(HOST)
    expect(request.headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1')
    // Upstream keepalive: the client's Connection header is not passed on.
    expect(request.headers.connection).toBeUndefined()
  })

  it('refuses request bodies over 2 MB before they reach the app', async () => {
    const before = app.seen.length
    const response = await visit(edge.port, '/api/webhooks/sanity', { method: 'POST', body: 'x'.repeat(3 * 1024 * 1024) })
    expect(response.status).toBe(413)
    expect(app.seen.length).toBe(before)
  })

  it('caches a page: MISS, then HIT without calling the app', async () => {
    const first = await get('/a-propos')
    const second = await get('/a-propos')
    expect(first.headers['x-cache-status']).toBe('MISS')
    expect(second.headers['x-cache-status']).toBe('HIT')
    expect(second.status).toBe(200)
    expect(second.text).toBe(first.text)
    expect(app.requestsFor('/a-propos')).toHaveLength(1)
  })

  it('caches hashed build assets under /_nuxt/ for as long as the app says (a year, immutable)', async () => {
    app.answers.set('/_nuxt/entry.Bx3f9a.css', { headers: { 'content-type': 'text/css', 'cache-control': 'public, max-age=31536000, immutable' }, body: 'body{margin:0}' })
    await get('/_nuxt/entry.Bx3f9a.css')
    const second = await get('/_nuxt/entry.Bx3f9a.css')
    expect(second.headers['x-cache-status']).toBe('HIT')
    expect(second.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(app.requestsFor('/_nuxt/entry.Bx3f9a.css')).toHaveLength(1)
  })

  it('serves an expired page at once and refreshes it in the background (stale-while-revalidate)', async () => {
    app.answers.set('/actualites', { headers: ALREADY_EXPIRED, body: 'actualités v1' })
    await get('/actualites')
    app.answers.set('/actualites', { body: 'actualités v2' })
    const stale = await get('/actualites')
    expect(stale.headers['x-cache-status']).toBe('STALE')
    expect(stale.text).toBe('actualités v1')
    const fresh = await eventually(() => get('/actualites'), visit => visit.text === 'actualités v2')
    expect(fresh.text).toBe('actualités v2')
    expect(fresh.headers['x-cache-status']).toBe('HIT')
  })

  it.each([500, 502, 503, 504])('serves the last good page with 200 while the app answers %i (stale-if-error)', async (status) => {
    const path = `/formations/secourisme-${status}`
    app.answers.set(path, { headers: ALREADY_EXPIRED, body: `secourisme ${status}, dernière version` })
    await get(path)
    app.answers.set(path, { status, headers: { 'retry-after': '60' }, body: 'Site momentanément indisponible' })
    for (let visitor = 0; visitor < 3; visitor++) {
      const response = await get(path)
      expect(response.status).toBe(200)
      expect(response.text).toBe(`secourisme ${status}, dernière version`)
    }
    // The app was asked again (background updates) and failed each time.
    expect(app.requestsFor(path).length).toBeGreaterThan(1)
  })

  it('serves cached pages with 200 while the app is stopped, and a French 503 for the others', async () => {
    app.answers.set('/adhesion', { headers: ALREADY_EXPIRED, body: 'adhésion, dernière version' })
    await get('/adhesion')
    await app.stop()
    try {
      const cached = await get('/adhesion')
      expect(cached.status).toBe(200)
      expect(cached.text).toBe('adhésion, dernière version')
      const uncached = await get('/jamais-visitee')
      expect(uncached.status).toBe(503)
      expect(uncached.headers['retry-after']).toBe('60')
      expect(uncached.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(uncached.text).toContain('<html lang="fr">')
      expect(uncached.text).toContain('Site momentanément indisponible')
      const api = await get('/api/v1/formations')
      expect(api.status).toBe(503)
      expect(JSON.parse(api.text)).toEqual({ detail: expect.stringContaining('indisponible'), code: 'upstream_unavailable' })
    }
    finally {
      await app.start()
    }
  })

  it('keeps its cache across an nginx restart (same cache directory)', async () => {
    app.answers.set('/formations', { body: 'catalogue avant redémarrage' })
    await get('/formations')
    await edge.restart()
    const response = await get('/formations')
    expect(response.headers['x-cache-status']).toBe('HIT')
    expect(response.text).toBe('catalogue avant redémarrage')
    expect(app.requestsFor('/formations')).toHaveLength(1)
  })

  it('refresh with the right token: fetches the fresh page, stores it, and the next visitors get it', async () => {
    const path = '/formations/psc1?session=2027'
    app.answers.set(path, { body: 'PSC1 v1' })
    for (const encoding of ['', 'gzip', 'br']) await get(path, { 'accept-encoding': encoding })
    app.answers.set(path, { body: 'PSC1 v2' })
    expect((await get(path)).text).toBe('PSC1 v1')

    const refresh = await get(path, { 'x-cache-refresh': TEST_REFRESH_TOKEN })
    expect(refresh.status).toBe(200)
    expect(refresh.headers['x-cache-status']).toBe('BYPASS')
    expect(refresh.text).toBe('PSC1 v2')

    const visitor = await get(path)
    expect(visitor.headers['x-cache-status']).toBe('HIT')
    expect(visitor.text).toBe('PSC1 v2')
    // The br and gzip copies are refreshed by background subrequests started with the refresh.
    for (const encoding of ['gzip', 'br']) {
      const compressed = await eventually(() => get(path, { 'accept-encoding': encoding }), response => response.text === 'PSC1 v2')
      expect(compressed.text).toBe('PSC1 v2')
      expect(compressed.headers['content-encoding']).toBe(encoding)
      expect(compressed.headers['x-cache-status']).toBe('HIT')
    }
    // Three fetches to fill the cache, then one per stored encoding for the refresh.
    const refreshes = app.requestsFor(path).slice(3)
    expect(refreshes.map(request => request.headers['accept-encoding'] ?? '').sort()).toEqual(['', 'br', 'gzip'])
  })

  it.each([
    ['a wrong token', 'not-the-token'],
    ['the token with a different case', TEST_REFRESH_TOKEN.toUpperCase()],
    ['an empty token', ''],
  ])('refresh with %s: an ordinary visitor request, served from the cache', async (_, token) => {
    const path = `/actualites/calendrier-2027?token=${encodeURIComponent(token)}`
    app.answers.set(path, { body: 'calendrier v1' })
    await get(path)
    app.answers.set(path, { body: 'calendrier v2' })
    const response = await get(path, { 'x-cache-refresh': token })
    expect(response.headers['x-cache-status']).toBe('HIT')
    expect(response.text).toBe('calendrier v1')
    expect(app.requestsFor(path)).toHaveLength(1)
  })

  it('a refresh while the app fails keeps the last good page for visitors', async () => {
    const path = '/formations/sst'
    app.answers.set(path, { body: 'SST, dernière version' })
    await get(path)
    app.answers.set(path, { status: 503, body: 'Site momentanément indisponible' })
    const refresh = await get(path, { 'x-cache-refresh': TEST_REFRESH_TOKEN })
    expect(refresh.status).toBe(503)
    const visitor = await get(path)
    expect(visitor.status).toBe(200)
    expect(visitor.text).toBe('SST, dernière version')
  })

  it('a refresh of a page that no longer exists (old slug after a rename) replaces it with the 404', async () => {
    const path = '/formations/ancien-slug'
    app.answers.set(path, { headers: ALREADY_EXPIRED, body: 'ancienne page' })
    await get(path)
    // Nitro's 404 says no-cache: as a visitor's background update it could not
    // replace the entry, and the old page would be served stale for ever.
    app.answers.set(path, { status: 404, headers: { 'cache-control': 'no-cache' }, body: 'Page introuvable' })
    expect((await get(path)).text).toBe('ancienne page')
    await get(path, { 'x-cache-refresh': TEST_REFRESH_TOKEN })
    for (const encoding of ['', 'gzip', 'br']) {
      const visitor = await eventually(() => get(path, { 'accept-encoding': encoding }), response => response.status === 404)
      expect(visitor.status).toBe(404)
      expect(visitor.text).toBe('Page introuvable')
    }
  })

  it.each([
    ['private, no-store', { 'cache-control': 'private, no-store' }],
    ['a cookie', { 'set-cookie': 'sb-session=abc; HttpOnly' }],
  ])('a refresh answered %s leaves the cached page in place', async (_, headers: Record<string, string>) => {
    const path = `/actualites/refresh-${Object.keys(headers)[0]}`
    app.answers.set(path, { body: 'version publiée' })
    await get(path)
    app.answers.set(path, { headers, body: 'réponse personnelle' })
    await get(path, { 'x-cache-refresh': TEST_REFRESH_TOKEN })
    const visitor = await get(path)
    expect(visitor.headers['x-cache-status']).toBe('HIT')
    expect(visitor.text).toBe('version publiée')
  })

  it('passes the X-Cache-Refresh header to the app only once checked (each replica drops its own copy)', async () => {
    const path = '/refresh-header-check'
    await get(path, { 'x-cache-refresh': 'not-the-token' })
    await eventually(async () => app.requestsFor(path).length, count => count === 1)
    expect(app.requestsFor(path)[0]!.headers['x-cache-refresh']).toBeUndefined()
    await get(path, { 'x-cache-refresh': TEST_REFRESH_TOKEN })
    // The refresh itself and its br and gzip subrequests.
    await eventually(async () => app.requestsFor(path).length, count => count === 4)
    expect(app.requestsFor(path)).toHaveLength(4)
    for (const request of app.requestsFor(path).slice(1)) expect(request.headers['x-cache-refresh']).toBe(TEST_REFRESH_TOKEN)
  })

  it('the refresh location cannot be called from outside', async () => {
    expect((await get('/_gpm-cache-refresh')).status).toBe(404)
    expect((await get('/_gpm-cache-refresh/br')).status).toBe(404)
  })

  it.each([
    ['an API route', '/api/v1/formations', {}, {}],
    ['the staff area', '/admin/publications', {}, {}],
    ['the staff area\'s home', '/admin', {}, {}],
    ['the liveness probe', '/healthz', {}, {}],
    ['the readiness probe', '/readyz', {}, {}],
    ['the metrics', '/metrics', {}, {}],
    ['an answer that sets a cookie', '/connexion', {}, { 'set-cookie': 'sb-session=abc; HttpOnly' }],
    ['an answer marked private, no-store', '/compte', {}, { 'cache-control': 'private, no-store' }],
    ['a request with the preview cookie', '/a-propos?apercu', { cookie: 'theme=sombre; __gpm_preview=draft-token' }, {}],
    ['a request with Authorization', '/formations?mine', { authorization: 'Bearer staff-jwt' }, {}],
  ])('never caches %s', async (_, path, headers: Record<string, string>, answerHeaders: Record<string, string>) => {
    app.answers.set(path, { headers: answerHeaders, body: 'réponse personnelle' })
    const first = await get(path, headers)
    const second = await get(path, headers)
    expect(first.status).toBe(200)
    expect(second.headers['x-cache-status'] ?? 'none').not.toBe('HIT')
    expect(app.requestsFor(path)).toHaveLength(2)
  })

  it('caches a page whose address merely starts like the staff area', async () => {
    await get('/administration-des-formations')
    expect((await get('/administration-des-formations')).headers['x-cache-status']).toBe('HIT')
  })

  it('passes one request id to the app: the one it received, else its own', async () => {
    await get('/request-id?sent', { 'x-request-id': 'traefik-1234' })
    await get('/request-id?generated')
    expect(app.requestsFor('/request-id?sent')[0]!.headers['x-request-id']).toBe('traefik-1234')
    expect(app.requestsFor('/request-id?generated')[0]!.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/)
  })

  it('never caches a POST, and a POST never gets the cached GET answer', async () => {
    const path = '/contact'
    app.answers.set(path, { body: 'formulaire' })
    await get(path)
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await visit(edge.port, path, { method: 'POST', body: 'nom=Dupont' })
      expect(response.headers['x-cache-status'] ?? 'none').not.toBe('HIT')
    }
    expect(app.requestsFor(path).map(request => request.method)).toEqual(['GET', 'POST', 'POST'])
  })

  it('a preview request neither reads the visitors\' cached page nor leaves its draft in the cache', async () => {
    const path = '/actualites/assemblee-generale'
    app.answers.set(path, { body: 'version publiée' })
    await get(path)
    // Even if the app forgot its private, no-store header, the draft is not stored.
    app.answers.set(path, { body: 'brouillon' })
    const preview = await get(path, { cookie: '__gpm_preview=draft-token' })
    expect(preview.text).toBe('brouillon')
    expect(preview.headers['x-cache-status']).toBe('BYPASS')
    const visitor = await get(path)
    expect(visitor.text).toBe('version publiée')
    expect(visitor.headers['x-cache-status']).toBe('HIT')
  })

  it.each([
    ['br', 'gzip, deflate, br, zstd'],
    ['br', 'br'],
    ['gzip', 'gzip, deflate'],
    ['gzip', 'br;q=0, gzip'],
    ['identity', 'identity'],
    ['identity', ''],
  ])('a cached page reaches a client accepting only what it accepts: %s for "%s"', async (expected, acceptEncoding) => {
    const path = '/formations/encodages'
    app.answers.set(path, { body: 'page de formation '.repeat(100) })
    // Warm every copy first, so the answer below comes from the cache.
    for (const warm of ['br', 'gzip', '']) await get(path, { 'accept-encoding': warm })
    const response = await get(path, acceptEncoding ? { 'accept-encoding': acceptEncoding } : {})
    expect(response.headers['x-cache-status']).toBe('HIT')
    expect(response.headers['content-encoding'] ?? 'identity').toBe(expected)
    expect(response.text).toBe('page de formation '.repeat(100))
    // The app's Vary reaches the client, for caches beyond this one.
    expect(response.headers.vary).toBe('Accept-Encoding')
  })

  it('asks the app for one normalised encoding, so browsers with different Accept-Encoding share one entry', async () => {
    const path = '/formations/partagee'
    await get(path, { 'accept-encoding': 'gzip, deflate, br, zstd' })
    const other = await get(path, { 'accept-encoding': 'br, gzip' })
    expect(other.headers['x-cache-status']).toBe('HIT')
    expect(app.requestsFor(path).map(request => request.headers['accept-encoding'])).toEqual(['br'])
  })
})

describe('stale-if-error on its own', () => {
  // With background updates, an expired page is always answered from the cache
  // first; these prove the error cases of proxy_cache_use_stale still hold a
  // visitor's request that waits for the app, as it would if background
  // updates were turned off.
  it.each(['answers 503', 'is stopped'])('without background updates, the last good page is served with 200 when the app %s', async (failure) => {
    const app = new StandInApp()
    await app.start()
    const edge = await startEdge({ upstream: `127.0.0.1:${app.port}`, edit: config => config.replace('proxy_cache_background_update on;', 'proxy_cache_background_update off;') })
    try {
      app.answers.set('/formations', { headers: ALREADY_EXPIRED, body: 'catalogue, dernière version' })
      await visit(edge.port, '/formations')
      if (failure === 'is stopped') await app.stop()
      else app.answers.set('/formations', { status: 503, body: 'Site momentanément indisponible' })
      const response = await visit(edge.port, '/formations')
      expect(response.status).toBe(200)
      expect(response.headers['x-cache-status']).toBe('STALE')
      expect(response.text).toBe('catalogue, dernière version')
    }
    finally {
      await edge.stop()
      await app.stop()
    }
  })
})

describe('refreshing disabled by an empty or short token', () => {
  it.each(['', 'trop-court'])('CACHE_REFRESH_TOKEN="%s" never turns a request into a refresh', async (token) => {
    const app = new StandInApp()
    await app.start()
    const edge = await startEdge({ upstream: `127.0.0.1:${app.port}`, refreshToken: token })
    try {
      await visit(edge.port, '/a-propos')
      for (const headers of [{}, { 'x-cache-refresh': token }] as Record<string, string>[]) {
        const response = await visit(edge.port, '/a-propos', { headers })
        expect(response.headers['x-cache-status']).toBe('HIT')
      }
      expect(app.requestsFor('/a-propos')).toHaveLength(1)
    }
    finally {
      await edge.stop()
      await app.stop()
    }
  })
})
