/**
 * Sanity's webhook, received the way a webhook must be: fail closed without
 * a secret, cap the body (Content-Length, then while reading), check the
 * `sanity-webhook-signature` (HMAC-SHA256 of `<timestamp>.<raw body>`,
 * computed by @sanity/webhook, compared in constant time) and its age BEFORE
 * parsing anything, then validate the projection with zod. Cheap checks come
 * first so every refusal is answered at once.
 */
import { createHash } from 'node:crypto'
import { decodeSignatureHeader, encodeSignatureHeader, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import type { H3Event } from 'h3'
import { z } from 'zod'
import { apiError, fieldErrors } from '../utils/api-error'
import { sameSecret } from '../utils/same-secret'

export const MAX_WEBHOOK_BYTES = 1024 * 1024
/** Older (or later) signatures are refused: a captured delivery cannot be replayed after this. */
export const SIGNATURE_TOLERANCE_MS = 5 * 60 * 1000
/**
 * A refusal is due within 2 s, a trickling body included. Sanity sends a few
 * kilobytes at once, and nginx in front buffers request bodies, so a body
 * still incomplete after this is not a webhook.
 */
const BODY_TIMEOUT_MS = 1500

const DATASET = /^[a-z0-9][a-z0-9_-]{0,63}$/
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const HEADER_VALUE = /^[\x21-\x7e]{1,200}$/

const slugValue = z.preprocess(
  // The documented projection sends `slug.current`; a webhook without projection sends the slug object.
  value => (value && typeof value === 'object' && 'current' in value ? (value as { current: unknown }).current : value),
  z.string().max(200).nullish(),
)

/** The projection documented in the README (fields beyond these are ignored). */
export const sanityChangeSchema = z.object({
  _id: z.string().min(1).max(200),
  _type: z.string().min(1).max(100),
  _rev: z.string().max(100).nullish(),
  operation: z.enum(['create', 'update', 'delete']).nullish(),
  slug: slugValue,
  previousSlug: slugValue,
  previousCategory: z.string().max(200).nullish(),
  dataset: z.string().regex(DATASET).nullish(),
})

export type SanityChange = z.infer<typeof sanityChangeSchema>

export interface SanityDelivery {
  change: SanityChange
  dataset: string
  /** Sanity's idempotency-key header; else transaction id + document id; else a hash of the body. */
  idempotencyKey: string
  transactionId?: string
  transactionTime?: string
  /** When the request arrived (ms since epoch): publish-to-live starts here. */
  receivedAt: number
}

export interface WebhookOptions {
  secret: string
  /** Dataset the site shows, when neither the payload nor the headers name one. */
  defaultDataset: string
  now?: () => number
  maxBytes?: number
  bodyTimeoutMs?: number
}

const refuse = {
  notConfigured: () => apiError(503, 'webhook_not_configured', 'Le webhook de publication n’est pas configuré sur ce serveur.'),
  tooLarge: (maxBytes: number) => apiError(413, 'payload_too_large', `Le contenu du webhook dépasse ${Math.round(maxBytes / 1024)} Ko.`),
  slow: () => apiError(408, 'request_timeout', 'Le contenu du webhook n’a pas été reçu à temps.'),
  missing: () => apiError(401, 'signature_missing', 'Signature du webhook absente.'),
  duplicated: () => apiError(401, 'signature_duplicated', 'Signature du webhook présente plusieurs fois.'),
  malformed: () => apiError(401, 'signature_malformed', 'Signature du webhook illisible.'),
  expired: () => apiError(401, 'signature_expired', 'Signature du webhook périmée : plus de 5 minutes d’écart avec l’heure du serveur.'),
  invalid: () => apiError(401, 'signature_invalid', 'Signature du webhook invalide.'),
}

/** Every value a header was sent with, however many times it was sent (Node joins repeated headers). */
function headerValues(event: H3Event, name: string): string[] {
  const raw = event.node.req.rawHeaders
  const values: string[] = []
  for (let index = 0; index < raw.length; index += 2) {
    if (raw[index]!.toLowerCase() === name) values.push(raw[index + 1]!)
  }
  return values
}

function singleHeader(event: H3Event, name: string): string | undefined {
  const values = headerValues(event, name)
  return values.length === 1 && HEADER_VALUE.test(values[0]!) ? values[0] : undefined
}

/** The signature header's timestamp (ms) and hash, or a 401 when it is missing, repeated or malformed. */
export function signatureOf(event: H3Event): { header: string, timestamp: number, hashedPayload: string } {
  const values = headerValues(event, SIGNATURE_HEADER_NAME)
  if (values.length === 0) throw refuse.missing()
  if (values.length > 1) throw refuse.duplicated()
  const header = values[0]!
  try {
    const { timestamp, hashedPayload } = decodeSignatureHeader(header)
    if (!Number.isSafeInteger(timestamp)) throw refuse.malformed()
    return { header, timestamp, hashedPayload }
  }
  catch {
    throw refuse.malformed()
  }
}

export function checkSignatureAge(timestamp: number, now: number) {
  if (Math.abs(now - timestamp) > SIGNATURE_TOLERANCE_MS) throw refuse.expired()
}

/**
 * Recomputes the signature of the raw body with @sanity/webhook and compares
 * the two hashes in constant time (the library's own check uses `!==`).
 */
export async function verifySignature(rawBody: string, signature: { timestamp: number, hashedPayload: string }, secret: string) {
  let expected: string
  try {
    expected = decodeSignatureHeader(await encodeSignatureHeader(rawBody, signature.timestamp, secret)).hashedPayload
  }
  catch {
    // Empty body, out-of-range timestamp: nothing Sanity could have signed.
    throw refuse.invalid()
  }
  if (!sameSecret(signature.hashedPayload, expected)) throw refuse.invalid()
}

/** The raw body, refused with 413 past `maxBytes` (declared or actually sent) and 408 when it trickles. */
export function readCappedBody(event: H3Event, maxBytes: number, timeoutMs = BODY_TIMEOUT_MS): Promise<Buffer> {
  const request = event.node.req
  const declared = Number(request.headers['content-length'])
  const tooLarge = () => {
    // The rest of the body is not read: close the connection after answering.
    event.node.res.setHeader('connection', 'close')
    return refuse.tooLarge(maxBytes)
  }
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(tooLarge())
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const cleanup = () => {
      clearTimeout(timer)
      request.off('data', onData)
      request.off('end', onEnd)
      request.off('error', onError)
    }
    const fail = (error: unknown) => {
      cleanup()
      request.pause()
      reject(error)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) return fail(tooLarge())
      chunks.push(chunk)
    }
    const onEnd = () => {
      cleanup()
      resolve(Buffer.concat(chunks))
    }
    const onError = (error: Error) => fail(error)
    const timer = setTimeout(() => {
      event.node.res.setHeader('connection', 'close')
      fail(refuse.slow())
    }, timeoutMs)
    request.on('data', onData)
    request.on('end', onEnd)
    request.on('error', onError)
  })
}

/**
 * A verified, parsed delivery, or the error to answer: 503 (no secret), 413,
 * 408, 401 (signature missing, repeated, malformed, too old or wrong), 400
 * (a signed body that is not the expected JSON).
 */
export async function readSignedDelivery(event: H3Event, options: WebhookOptions): Promise<SanityDelivery> {
  const now = options.now ?? Date.now
  const receivedAt = now()
  if (!options.secret) throw refuse.notConfigured()
  const maxBytes = options.maxBytes ?? MAX_WEBHOOK_BYTES
  const declared = Number(event.node.req.headers['content-length'])
  if (Number.isFinite(declared) && declared > maxBytes) {
    event.node.res.setHeader('connection', 'close')
    throw refuse.tooLarge(maxBytes)
  }
  const signature = signatureOf(event)
  checkSignatureAge(signature.timestamp, receivedAt)
  const raw = (await readCappedBody(event, maxBytes, options.bodyTimeoutMs)).toString('utf8')
  await verifySignature(raw, signature, options.secret)

  let json: unknown
  try {
    json = JSON.parse(raw)
  }
  catch {
    throw apiError(400, 'invalid_payload', 'Le contenu du webhook n’est pas du JSON valide.')
  }
  const parsed = sanityChangeSchema.safeParse(json)
  if (!parsed.success) {
    throw apiError(400, 'invalid_payload', 'Le contenu du webhook ne correspond pas à la projection attendue.', { fields: fieldErrors(parsed.error) })
  }
  const change = parsed.data
  const headerDataset = singleHeader(event, 'sanity-dataset')
  const dataset = change.dataset ?? (headerDataset && DATASET.test(headerDataset) ? headerDataset : options.defaultDataset)
  const transactionId = singleHeader(event, 'sanity-transaction-id') ?? change._rev ?? undefined
  const key = singleHeader(event, 'idempotency-key')
    ?? (transactionId ? `${transactionId}:${change._id}` : `sha256:${sha256(raw)}`)
  return {
    change,
    dataset,
    // The publish log keeps keys of up to 200 characters.
    idempotencyKey: key.length <= 200 ? key : `sha256:${sha256(key)}`,
    transactionId,
    transactionTime: singleHeader(event, 'sanity-transaction-time'),
    receivedAt,
  }
}

export function methodNotAllowed(event: H3Event) {
  event.node.res.setHeader('allow', 'POST')
  return apiError(405, 'method_not_allowed', 'Méthode non autorisée : ce webhook n’accepte que POST.')
}
