import { describe, expect, it } from 'vitest'
import { Counter, createMetrics, Histogram, renderMetrics } from '../../server/observability/metrics'
import { formatLogLine, levelForStatus, logJson, requestIdFrom, routeLabel, setLogSink } from '../../server/observability/request-log'

/** Parses Prometheus' text format strictly enough to catch a malformed line. */
function parseExposition(text: string) {
  const samples = new Map<string, number>()
  const types = new Map<string, string>()
  expect(text.endsWith('\n')).toBe(true)
  for (const line of text.trimEnd().split('\n')) {
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][\w:]*) (.+)$/.exec(line)
    if (meta) {
      if (meta[1] === 'TYPE') types.set(meta[2]!, meta[3]!)
      continue
    }
    const sample = /^([a-zA-Z_:][\w:]*)(\{(?:[a-zA-Z_]\w*="(?:[^"\\\n]|\\["\\n])*",?)*\})? (-?[\d.e+]+|NaN|\+Inf|-Inf)$/.exec(line)
    expect(sample, `malformed line: ${line}`).not.toBeNull()
    samples.set(`${sample![1]}${sample![2] ?? ''}`, Number(sample![3]))
  }
  return { samples, types }
}

describe('Prometheus exposition', () => {
  it('renders the contract\'s five metrics with their types', async () => {
    const metrics = createMetrics(() => 3)
    metrics.httpRequests.inc({ route: '/formations/[slug]', method: 'GET', status: '200' })
    metrics.httpRequests.inc({ route: '/formations/[slug]', method: 'GET', status: '200' })
    metrics.httpDuration.observe({ route: '/formations/[slug]' }, 0.03)
    metrics.cacheRequests.inc({ result: 'hit' })
    metrics.publishToLive.observe({}, 1.5)
    const { samples, types } = parseExposition(await renderMetrics(metrics))
    expect(Object.fromEntries(types)).toEqual({
      gpm_http_requests_total: 'counter',
      gpm_http_request_duration_seconds: 'histogram',
      gpm_cache_requests_total: 'counter',
      gpm_publish_to_live_seconds: 'histogram',
      gpm_outbox_backlog: 'gauge',
    })
    expect(samples.get('gpm_http_requests_total{route="/formations/[slug]",method="GET",status="200"}')).toBe(2)
    expect(samples.get('gpm_cache_requests_total{result="hit"}')).toBe(1)
    expect(samples.get('gpm_http_request_duration_seconds_count{route="/formations/[slug]"}')).toBe(1)
    expect(samples.get('gpm_publish_to_live_seconds_bucket{le="2"}')).toBe(1)
    expect(samples.get('gpm_publish_to_live_seconds_bucket{le="1"}')).toBe(0)
    expect(samples.get('gpm_outbox_backlog')).toBe(3)
  })

  it('histogram buckets are cumulative and end with +Inf = count', async () => {
    const histogram = new Histogram('h_seconds', 'test', [0.1, 1, 10], ['route'])
    for (const value of [0.05, 0.5, 0.5, 5, 50]) histogram.observe({ route: '/' }, value)
    const { samples } = parseExposition(`${histogram.render()}\n`)
    expect([0.1, 1, 10].map(le => samples.get(`h_seconds_bucket{route="/",le="${le}"}`))).toEqual([1, 3, 4])
    expect(samples.get('h_seconds_bucket{route="/",le="+Inf"}')).toBe(5)
    expect(samples.get('h_seconds_count{route="/"}')).toBe(5)
    expect(samples.get('h_seconds_sum{route="/"}')).toBeCloseTo(56.05)
  })

  it('escapes label values', () => {
    const counter = new Counter('c_total', 'test', ['route'])
    counter.inc({ route: 'a"b\\c\nd' })
    expect(counter.render()).toContain('c_total{route="a\\"b\\\\c\\nd"} 1')
  })

  it('a failing gauge source renders NaN instead of failing the scrape', async () => {
    const text = await renderMetrics(createMetrics(() => Promise.reject(new Error('database down'))))
    expect(text).toContain('gpm_outbox_backlog NaN')
  })
})

describe('route label (bounded cardinality)', () => {
  it.each([
    ['/', undefined, '/'],
    ['/formations?categorie=x', '/formations', '/formations'],
    ['/formations/secourisme', '/formations/**', '/formations/**'],
    ['/formations/secourisme', undefined, '/formations/[slug]'],
    ['/actualites/page/2', '/**', '/actualites/page/[page]'],
    ['/actualites/ag-2025', '/**', '/actualites/[slug]'],
    ['/a-propos', '/**', '/[...slug]'],
    ['/association/equipe/', '/**', '/[...slug]'],
    ['/api/v1/publish-events/0b9a/stages', '/api/v1/publish-events/:id/stages', '/api/v1/publish-events/:id/stages'],
    ['/_sanity/images/embedded/production/abc.jpg', '/_sanity/images/**:path', '/_sanity/images/**'],
    ['/_nuxt/entry.abc123.css', undefined, '/_nuxt/**'],
    ['/favicon.svg', undefined, '/[file]'],
    ['/wp-login.php?x=1', '/**', '/[file]'],
    ['/api/nope', undefined, '/api/**'],
  ])('%s (matched %s) → %s', (path, matched, label) => {
    expect(routeLabel(path, matched)).toBe(label)
  })

  it('a thousand distinct URLs give a handful of labels', () => {
    const labels = new Set(Array.from({ length: 1000 }, (_, index) => routeLabel(`/${['formations', 'actualites', 'x'][index % 3]}/${index}?utm=${index}`, '/**')))
    expect([...labels].sort()).toEqual(['/[...slug]', '/actualites/[slug]', '/formations/[slug]'])
  })
})

describe('JSON logs', () => {
  it('one line: time, level, msg, then the fields', () => {
    const line = formatLogLine('info', 'request', { requestId: 'abc-12345678', method: 'GET', path: '/', status: 200, durationMs: 1.5 }, new Date('2026-12-01T10:00:00Z'))
    expect(line).not.toContain('\n')
    expect(JSON.parse(line)).toEqual({ time: '2026-12-01T10:00:00.000Z', level: 'info', msg: 'request', requestId: 'abc-12345678', method: 'GET', path: '/', status: 200, durationMs: 1.5 })
    expect(Object.keys(JSON.parse(line)).slice(0, 3)).toEqual(['time', 'level', 'msg'])
  })

  it('errors keep their message, never their stack', () => {
    const parsed = JSON.parse(formatLogLine('error', 'publish.refresh_failed', { error: new Error('connect ECONNREFUSED') }))
    expect(parsed.error).toEqual({ name: 'Error', message: 'connect ECONNREFUSED' })
  })

  it('goes to the sink as a single line', () => {
    const lines: string[] = []
    const previous = setLogSink(line => lines.push(line))
    try {
      logJson('warn', 'publish.dispatch_failed', { status: 502, body: 'bad\ngateway' })
    }
    finally {
      setLogSink(previous)
    }
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', msg: 'publish.dispatch_failed', body: 'bad\ngateway' })
  })

  it.each([
    [200, 'info'], [304, 'info'], [401, 'warn'], [404, 'warn'], [500, 'error'], [503, 'error'],
  ] as const)('status %i logs at %s', (status, level) => {
    expect(levelForStatus(status)).toBe(level)
  })

  it.each([
    ['Root=1-abc-def', 'kept'],
    ['0f8c2a54-8f1b-4f0e-b6a6-0a8a3e1d2c3b', 'kept'],
    ['has space', 'replaced'],
    ['quote"injection', 'replaced'],
    ['x'.repeat(129), 'replaced'],
    ['', 'replaced'],
    [undefined, 'replaced'],
  ])('X-Request-Id %j is %s', (header, outcome) => {
    const id = requestIdFrom(header)
    if (outcome === 'kept') expect(id).toBe(header)
    else expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
