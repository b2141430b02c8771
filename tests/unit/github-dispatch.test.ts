import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  createDispatchQueue, type DispatchAttempt, type DispatchPayload, type DispatchResult, isDispatchConfigured, sendRepositoryDispatch,
} from '../../server/publish/github-dispatch'
import { createRebuildRequester } from '../../server/publish/rebuild'
import type { PublishLogWriter } from '../../server/publish/publish-log'

interface Received {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/** A local stand-in for api.github.com: records each request, answers what the test queued (204 by default). */
let github: Server
let githubUrl = ''
const requests: Received[] = []
const answers: { status: number, body?: string, headers?: Record<string, string> }[] = []

beforeAll(async () => {
  github = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', chunk => chunks.push(chunk))
    request.on('end', () => {
      requests.push({ method: request.method!, url: request.url!, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') })
      const answer = answers.shift() ?? { status: 204 }
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
      response.end(answer.body ?? '')
    })
  })
  await new Promise<void>(resolve => github.listen(0, '127.0.0.1', resolve))
  githubUrl = `http://127.0.0.1:${(github.address() as AddressInfo).port}`
})
afterAll(() => new Promise(resolve => github.close(resolve)))
afterEach(() => {
  requests.length = 0
  answers.length = 0
  vi.useRealTimers()
})

const config = () => ({ token: 'ghp_test_token', repository: 'gpm-association/gpm-site', apiUrl: githubUrl })
const payload: DispatchPayload = { dataset: 'production', documentIds: ['formation-a', 'post-b'], publishEventIds: ['e1', 'e2'] }

describe('repository_dispatch request', () => {
  it('is exactly what GitHub\'s API and deploy.yml expect', async () => {
    const result = await sendRepositoryDispatch(config(), payload)
    expect(result).toEqual({ ok: true, status: 204, body: '', retryable: false })
    expect(requests).toHaveLength(1)
    const [request] = requests
    expect(request!.method).toBe('POST')
    expect(request!.url).toBe('/repos/gpm-association/gpm-site/dispatches')
    expect(request!.headers).toMatchObject({
      'authorization': 'Bearer ghp_test_token',
      'accept': 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'content-type': 'application/json',
      'user-agent': expect.any(String),
    })
    expect(JSON.parse(request!.body)).toEqual({
      event_type: 'sanity-publish',
      client_payload: { dataset: 'production', documentIds: ['formation-a', 'post-b'], publishEventIds: ['e1', 'e2'] },
    })
  })

  it.each<[string, { status: number, body?: string, headers?: Record<string, string> }, Partial<DispatchResult>]>([
    ['a server error is retried', { status: 502, body: 'Bad gateway' }, { ok: false, status: 502, body: 'Bad gateway', retryable: true }],
    ['a rate limit is retried', { status: 403, body: '{"message":"API rate limit exceeded"}', headers: { 'x-ratelimit-remaining': '0' } }, { status: 403, retryable: true }],
    ['too many requests is retried', { status: 429 }, { retryable: true }],
    ['a bad token is not', { status: 401, body: '{"message":"Bad credentials"}' }, { status: 401, body: '{"message":"Bad credentials"}', retryable: false }],
    ['an unknown repository is not', { status: 404 }, { status: 404, retryable: false }],
    ['an invalid payload is not', { status: 422, body: 'x'.repeat(1000) }, { status: 422, retryable: false, body: 'x'.repeat(300) }],
  ])('%s', async (_, answer, expected) => {
    answers.push(answer)
    expect(await sendRepositoryDispatch(config(), payload)).toMatchObject(expected)
  })

  it('no answer is retryable, never thrown', async () => {
    expect(await sendRepositoryDispatch({ ...config(), apiUrl: 'http://127.0.0.1:9' }, payload)).toMatchObject({ ok: false, status: 0, retryable: true, error: expect.any(String) })
  })

  it.each([
    [{ token: '', repository: 'a/b' }, false],
    [{ token: 't', repository: '' }, false],
    [{ token: 't', repository: 'not a repository' }, false],
    [{ token: 't', repository: 'gpm-association/gpm-site' }, true],
  ])('configured(%j) is %s', (github, configured) => {
    expect(isDispatchConfigured(github)).toBe(configured)
  })
})

describe('coalescing', () => {
  const okResult: DispatchResult = { ok: true, status: 204, body: '', retryable: false }

  it.each([
    [30_000, 1],
    [2_000, 5],
  ])('50 publishes in 10 s with a %i ms window → %i dispatch(es), every id carried once', async (windowMs, dispatches) => {
    vi.useFakeTimers()
    const sent: DispatchPayload[] = []
    const queue = createDispatchQueue({ windowMs, send: async batch => (sent.push(batch), okResult), onAttempt: () => {} })
    for (let index = 0; index < 50; index++) {
      queue.enqueue({ dataset: 'production', documentIds: [`formation-${index % 10}`], publishEventId: `event-${index}` })
      await vi.advanceTimersByTimeAsync(200)
    }
    await vi.advanceTimersByTimeAsync(windowMs)
    expect(sent).toHaveLength(dispatches)
    expect(sent.flatMap(batch => batch.publishEventIds).sort()).toEqual(Array.from({ length: 50 }, (_, index) => `event-${index}`).sort())
    for (const batch of sent) expect(new Set(batch.documentIds).size).toBe(batch.documentIds.length)
    expect(sent[0]!.documentIds.length).toBe(Math.min(10, sent[0]!.publishEventIds.length))
    expect(queue.pending()).toBe(0)
  })

  it('one dispatch per dataset in a window', async () => {
    vi.useFakeTimers()
    const sent: DispatchPayload[] = []
    const queue = createDispatchQueue({ windowMs: 1000, send: async batch => (sent.push(batch), okResult), onAttempt: () => {} })
    queue.enqueue({ dataset: 'production', documentIds: ['a'], publishEventId: 'e1' })
    queue.enqueue({ dataset: 'staging', documentIds: ['b'], publishEventId: 'e2' })
    queue.enqueue({ dataset: 'production', documentIds: ['a'], publishEventId: 'e3' })
    await vi.advanceTimersByTimeAsync(1000)
    expect(sent).toEqual([
      { dataset: 'production', documentIds: ['a'], publishEventIds: ['e1', 'e3'] },
      { dataset: 'staging', documentIds: ['b'], publishEventIds: ['e2'] },
    ])
  })

  it('retries with backoff, then stops after the last delay', async () => {
    vi.useFakeTimers()
    const attempts: DispatchAttempt[] = []
    const queue = createDispatchQueue({
      windowMs: 100,
      retryDelaysMs: [1000, 5000],
      send: async () => ({ ok: false, status: 503, body: 'unavailable', retryable: true }),
      onAttempt: attempt => void attempts.push(attempt),
    })
    queue.enqueue({ dataset: 'production', documentIds: ['a'], publishEventId: 'e1' })
    await vi.advanceTimersByTimeAsync(100)
    expect(attempts.map(attempt => [attempt.attempt, attempt.final])).toEqual([[1, false]])
    expect(queue.pending()).toBe(1)
    await vi.advanceTimersByTimeAsync(999)
    expect(attempts).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(attempts.map(attempt => [attempt.attempt, attempt.final])).toEqual([[1, false], [2, false]])
    await vi.advanceTimersByTimeAsync(5000)
    expect(attempts.map(attempt => [attempt.attempt, attempt.final])).toEqual([[1, false], [2, false], [3, true]])
    await vi.advanceTimersByTimeAsync(60_000)
    expect(attempts).toHaveLength(3)
    expect(queue.pending()).toBe(0)
  })
})

describe('rebuild requests in the publish log', () => {
  /** Records the stages written instead of a database. */
  function recordingLog() {
    const stages: { id: string, stage: string, detail: Record<string, unknown>, failure?: string }[] = []
    const log = {
      write: async (_: string, work: (tx: { query: (text: string, params: unknown[]) => Promise<unknown[]> }) => Promise<unknown>) => {
        await work({
          query: async (text, params) => {
            if (text.includes('insert into public.publish_event_stages')) {
              stages.push({ id: params[0] as string, stage: params[1] as string, detail: JSON.parse(params[3] as string) })
              return [{ id: 1 }]
            }
            if (text.includes('update public.publish_events')) stages.at(-1)!.failure = (params[1] as string | null) ?? undefined
            return []
          },
        })
        return { written: true, result: undefined }
      },
    } as unknown as PublishLogWriter
    return { log, stages }
  }

  it('a burst goes out as one dispatch through the GitHub stand-in; each event gets build_requested', async () => {
    const { log, stages } = recordingLog()
    const rebuild = createRebuildRequester({ github: config(), windowMs: 50, log })
    for (const id of ['e1', 'e2', 'e3']) rebuild.enqueue({ dataset: 'production', documentIds: [`doc-${id}`], publishEventId: id })
    await new Promise(resolve => setTimeout(resolve, 100))
    await rebuild.flush()
    expect(requests).toHaveLength(1)
    expect(JSON.parse(requests[0]!.body).client_payload).toEqual({ dataset: 'production', documentIds: ['doc-e1', 'doc-e2', 'doc-e3'], publishEventIds: ['e1', 'e2', 'e3'] })
    expect(stages.map(stage => [stage.id, stage.stage])).toEqual([['e1', 'build_requested'], ['e2', 'build_requested'], ['e3', 'build_requested']])
    expect(stages[0]!.detail).toMatchObject({ status: 204, attempt: 1, coalescedEvents: 3 })
  })

  it('a refused request is recorded with GitHub\'s status and answer, and fails the event', async () => {
    const { log, stages } = recordingLog()
    answers.push({ status: 401, body: '{"message":"Bad credentials"}' })
    const rebuild = createRebuildRequester({ github: config(), windowMs: 10, log })
    rebuild.enqueue({ dataset: 'production', documentIds: ['a'], publishEventId: 'e1' })
    await new Promise(resolve => setTimeout(resolve, 50))
    await rebuild.flush()
    expect(stages).toEqual([{
      id: 'e1',
      stage: 'build_request_failed',
      detail: { status: 401, attempt: 1, documentIds: 1, coalescedEvents: 1, body: '{"message":"Bad credentials"}', willRetry: false },
      failure: 'rebuild request failed (HTTP 401)',
    }])
  })

  it('a failed attempt that will be retried is recorded without failing the event', async () => {
    const { log, stages } = recordingLog()
    answers.push({ status: 502, body: 'Bad gateway' })
    const rebuild = createRebuildRequester({ github: config(), windowMs: 10, log, retryDelaysMs: [20] })
    rebuild.enqueue({ dataset: 'production', documentIds: ['a'], publishEventId: 'e1' })
    await new Promise(resolve => setTimeout(resolve, 100))
    await rebuild.flush()
    expect(requests).toHaveLength(2)
    expect(stages.map(stage => [stage.stage, stage.detail.willRetry, stage.failure])).toEqual([
      ['build_request_failed', true, undefined],
      ['build_requested', undefined, undefined],
    ])
  })

  it('without a token or repository: a skipped stage, no request, no failure', async () => {
    const { log, stages } = recordingLog()
    const rebuild = createRebuildRequester({ github: { ...config(), token: '' }, windowMs: 10, log })
    expect(rebuild.configured).toBe(false)
    rebuild.enqueue({ dataset: 'production', documentIds: ['a'], publishEventId: 'e1' })
    await new Promise(resolve => setTimeout(resolve, 30))
    expect(requests).toHaveLength(0)
    expect(stages).toEqual([{ id: 'e1', stage: 'build_request_failed', detail: { skipped: true, reason: expect.stringContaining('not configured') }, failure: undefined }])
  })
})
