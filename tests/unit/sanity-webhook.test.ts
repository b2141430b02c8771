/**
 * The webhook's reception through a real HTTP server: an h3 app around
 * readSignedDelivery, answering errors the way defineApiHandler does, with a
 * recording stand-in for the publish pipeline. Every refusal must come fast
 * and reach nothing behind it.
 */
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { encodeSignatureHeader } from '@sanity/webhook'
import { createApp, createRouter, defineEventHandler, setResponseHeader, setResponseStatus, toNodeListener } from 'h3'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { toApiError } from '../../server/utils/api-error'
import { MAX_WEBHOOK_BYTES, methodNotAllowed, readSignedDelivery, type SanityDelivery } from '../../server/publish/webhook'

const SECRET = 'test-webhook-secret-0123456789'
const NOW = Date.UTC(2026, 11, 1, 10, 0, 0)
const MINUTE = 60_000

let server: Server
let origin = ''
let secret = SECRET
let bodyTimeoutMs: number | undefined
const received: SanityDelivery[] = []

beforeAll(async () => {
  const app = createApp()
  const router = createRouter()
  const apiHandler = (handler: Parameters<typeof defineEventHandler>[0]) => defineEventHandler(async (event) => {
    try {
      return await handler(event)
    }
    catch (error) {
      const { statusCode, body } = toApiError(error)
      setResponseStatus(event, statusCode)
      return body
    }
  })
  router.post('/api/webhooks/sanity', apiHandler(async (event) => {
    const delivery = await readSignedDelivery(event, { secret, defaultDataset: 'production', now: () => NOW, bodyTimeoutMs })
    received.push(delivery)
    setResponseStatus(event, 202)
    setResponseHeader(event, 'cache-control', 'no-store')
    return { id: 'event-1', duplicate: false }
  }))
  router.use('/api/webhooks/sanity', apiHandler((event) => {
    throw methodNotAllowed(event)
  }))
  app.use(router)
  server = createServer(toNodeListener(app))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise(resolve => server.close(resolve)))
beforeEach(() => {
  received.length = 0
  secret = SECRET
  bodyTimeoutMs = undefined
})

const payload = {
  _id: 'formation-prevention-secours-civiques-psc1',
  _type: 'formation',
  _rev: 'tx-abc',
  operation: 'update',
  slug: 'prevention-secours-civiques-psc1',
  previousSlug: 'prevention-secours-civiques-psc1',
}
const body = JSON.stringify(payload)
const sign = (raw: string, timestamp = NOW, key = SECRET) => encodeSignatureHeader(raw, timestamp, key)

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  json: Record<string, unknown>
}

/** Raw HTTP, so headers can be repeated and bodies streamed without a length. */
function send(options: { method?: string, headers?: [string, string][], body?: string | Buffer, chunked?: boolean }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    // A header given twice becomes an array: Node sends one line per value.
    const headers: Record<string, string | string[]> = { 'content-type': 'application/json' }
    for (const [name, value] of options.headers ?? []) {
      const previous = headers[name]
      headers[name] = previous === undefined ? value : [previous, value].flat()
    }
    if (options.body !== undefined && !options.chunked) headers['content-length'] = String(Buffer.byteLength(options.body))
    const req = request(`${origin}/api/webhooks/sanity`, { method: options.method ?? 'POST', headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', chunk => chunks.push(chunk))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? JSON.parse(text) : {} })
      })
    })
    req.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close the connection after answering an oversized body.
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') return
      reject(error)
    })
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

describe('refusals: nothing reaches the publish flow', () => {
  it.each<[string, () => Promise<Parameters<typeof send>[0]>, number, string]>([
    ['no signature header', async () => ({ body }), 401, 'signature_missing'],
    ['an empty signature header', async () => ({ body, headers: [['sanity-webhook-signature', '']] }), 401, 'signature_malformed'],
    ['a malformed signature header', async () => ({ body, headers: [['sanity-webhook-signature', 'sha256=abcdef']] }), 401, 'signature_malformed'],
    ['two signature headers', async () => ({ body, headers: [['sanity-webhook-signature', await sign(body)], ['sanity-webhook-signature', await sign(body)]] }), 401, 'signature_duplicated'],
    ['a signature made with another secret', async () => ({ body, headers: [['sanity-webhook-signature', await sign(body, NOW, 'another-secret')]] }), 401, 'signature_invalid'],
    ['a body changed after signing', async () => ({ body: body.replace('update', 'delete'), headers: [['sanity-webhook-signature', await sign(body)]] }), 401, 'signature_invalid'],
    ['a signature of another timestamp', async () => ({ body, headers: [['sanity-webhook-signature', (await sign(body)).replace(`t=${NOW}`, `t=${NOW - 1000}`)]] }), 401, 'signature_invalid'],
    ['a timestamp 6 minutes old', async () => ({ body, headers: [['sanity-webhook-signature', await sign(body, NOW - 6 * MINUTE)]] }), 401, 'signature_expired'],
    ['a timestamp 6 minutes ahead', async () => ({ body, headers: [['sanity-webhook-signature', await sign(body, NOW + 6 * MINUTE)]] }), 401, 'signature_expired'],
    ['an empty body', async () => ({ body: '', headers: [['sanity-webhook-signature', `t=${NOW},v1=AAAA`]] }), 401, 'signature_invalid'],
    ['a signed body that is not JSON', async () => ({ body: 'not json', headers: [['sanity-webhook-signature', await sign('not json')]] }), 400, 'invalid_payload'],
    ['signed JSON without _id', async () => ({ body: '{"_type":"post"}', headers: [['sanity-webhook-signature', await sign('{"_type":"post"}')]] }), 400, 'invalid_payload'],
    ['a declared length over 1 MB', async () => ({ body: 'x'.repeat(MAX_WEBHOOK_BYTES + 1), headers: [['sanity-webhook-signature', `t=${NOW},v1=AAAA`]] }), 413, 'payload_too_large'],
    ['a streamed body over 1 MB', async () => ({ body: 'x'.repeat(MAX_WEBHOOK_BYTES + 100), chunked: true, headers: [['sanity-webhook-signature', `t=${NOW},v1=AAAA`]] }), 413, 'payload_too_large'],
    ['GET', async () => ({ method: 'GET' }), 405, 'method_not_allowed'],
    ['PUT', async () => ({ method: 'PUT', body, headers: [['sanity-webhook-signature', await sign(body)]] }), 405, 'method_not_allowed'],
  ])('%s → %s %s', async (_, build, status, code) => {
    const reply = await send(await build())
    expect(reply.status).toBe(status)
    expect(reply.json).toMatchObject({ code, detail: expect.any(String) })
    expect(received).toHaveLength(0)
    if (status === 405) expect(reply.headers.allow).toBe('POST')
  })

  /** Sends the headers and only `partialBody` of a declared 100-byte body, then waits for the answer. */
  function sendWithoutFinishing(headers: Record<string, string>, partialBody = ''): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = request(`${origin}/api/webhooks/sanity`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '100', ...headers } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', chunk => chunks.push(chunk))
        res.on('end', () => {
          req.destroy()
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
        })
      })
      req.on('error', reject)
      if (partialBody) req.write(partialBody)
      else req.flushHeaders()
    })
  }

  // Answered at once, whatever the client does next: the body never comes.
  it.each<[string, () => Promise<Record<string, string>>, number, string]>([
    ['no signature', async () => ({}), 401, 'signature_missing'],
    ['a stale signature', async () => ({ 'sanity-webhook-signature': await sign(body, NOW - 10 * MINUTE) }), 401, 'signature_expired'],
    ['a declared length over 1 MB', async () => ({ 'sanity-webhook-signature': await sign(body), 'content-length': String(MAX_WEBHOOK_BYTES + 1) }), 413, 'payload_too_large'],
  ])('%s is refused before the body arrives', async (_, headers, status, code) => {
    const reply = await sendWithoutFinishing(await headers())
    expect(reply.status).toBe(status)
    expect(reply.json).toMatchObject({ code })
    expect(received).toHaveLength(0)
  })

  it('a body that stops arriving is refused (408) when the read times out', async () => {
    bodyTimeoutMs = 100
    const reply = await sendWithoutFinishing({ 'sanity-webhook-signature': await sign(body) }, '{"_id":')
    expect(reply.status).toBe(408)
    expect(reply.json).toMatchObject({ code: 'request_timeout' })
    expect(received).toHaveLength(0)
  })

  it('fails closed without a secret: 503, even for a request signed with an empty key', async () => {
    secret = ''
    const reply = await send({ body, headers: [['sanity-webhook-signature', await sign(body)]] })
    expect(reply.status).toBe(503)
    expect(reply.json).toMatchObject({ code: 'webhook_not_configured' })
    expect(received).toHaveLength(0)
  })
})

describe('accepted deliveries', () => {
  it('accepts a valid signature and hands over the parsed change', async () => {
    const reply = await send({ body, headers: [['sanity-webhook-signature', await sign(body)], ['idempotency-key', 'delivery-42']] })
    expect(reply.status).toBe(202)
    expect(received).toEqual([{
      change: payload,
      dataset: 'production',
      idempotencyKey: 'delivery-42',
      transactionId: 'tx-abc',
      transactionTime: undefined,
      receivedAt: NOW,
    }])
  })

  it('accepts a timestamp 4 minutes off in either direction', async () => {
    for (const offset of [-4 * MINUTE, 4 * MINUTE]) {
      expect((await send({ body, headers: [['sanity-webhook-signature', await sign(body, NOW + offset)]] })).status).toBe(202)
    }
  })

  it.each<[string, [string, string][], Record<string, unknown>, string | RegExp]>([
    ['Sanity\'s idempotency-key header', [['idempotency-key', 'msg-1'], ['sanity-transaction-id', 'tx-1']], payload, 'msg-1'],
    ['else the transaction id header and the document', [['sanity-transaction-id', 'tx-1']], payload, 'tx-1:formation-prevention-secours-civiques-psc1'],
    ['else the payload\'s revision (the transaction that made it) and the document', [], payload, 'tx-abc:formation-prevention-secours-civiques-psc1'],
    ['else a hash of the body', [], { _id: 'post-a', _type: 'post' }, /^sha256:[0-9a-f]{64}$/],
    ['a key longer than the log keeps is hashed', [], { _id: `post-${'a'.repeat(190)}`, _type: 'post', _rev: 'r'.repeat(90) }, /^sha256:[0-9a-f]{64}$/],
    ['a repeated idempotency-key header is not trusted', [['idempotency-key', 'a'], ['idempotency-key', 'b']], payload, 'tx-abc:formation-prevention-secours-civiques-psc1'],
  ])('idempotency key: %s', async (_, headers, change, expected) => {
    const raw = JSON.stringify(change)
    await send({ body: raw, headers: [['sanity-webhook-signature', await sign(raw)], ...headers] })
    expect(received).toHaveLength(1)
    expect(received[0]!.idempotencyKey).toMatch(expected)
  })

  it.each<[string, [string, string][], Record<string, unknown>, string]>([
    ['from the projection', [['sanity-dataset', 'staging']], { ...payload, dataset: 'preview' }, 'preview'],
    ['from Sanity\'s header', [['sanity-dataset', 'staging']], payload, 'staging'],
    ['the site\'s own otherwise', [], payload, 'production'],
    ['ignoring a malformed header', [['sanity-dataset', 'Not A Dataset']], payload, 'production'],
  ])('dataset %s', async (_, headers, change, dataset) => {
    const raw = JSON.stringify(change)
    await send({ body: raw, headers: [['sanity-webhook-signature', await sign(raw)], ...headers] })
    expect(received[0]?.dataset).toBe(dataset)
  })

  it('reads the slug object of a webhook sent without projection', async () => {
    const raw = JSON.stringify({ _id: 'post-a', _type: 'post', slug: { _type: 'slug', current: 'mon-article' }, title: 'x' })
    await send({ body: raw, headers: [['sanity-webhook-signature', await sign(raw)]] })
    expect(received[0]?.change).toEqual({ _id: 'post-a', _type: 'post', slug: 'mon-article' })
  })
})
