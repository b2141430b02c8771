import { createHash } from 'node:crypto'
import type { H3Event } from 'h3'

/** Facts about a visitor's request kept with what they sent: never the raw IP. */
export function visitorMetadata(event: H3Event) {
  const day = new Date().toISOString().slice(0, 10)
  const ipHash = createHash('sha256').update(`${day}:${clientAddress(event)}`).digest('hex').slice(0, 16)
  return {
    userAgent: (getRequestHeader(event, 'user-agent') ?? '').slice(0, 300),
    ipHash,
  }
}

/** The public origin for links in e-mails: the configured site URL, else the request's own. */
export function siteOrigin(event?: H3Event): string {
  const configured = useRuntimeConfig().public.siteUrl
  if (configured) return configured.replace(/\/$/, '')
  return event ? getRequestURL(event).origin : 'http://localhost:3000'
}

/**
 * A form post's fields, whether the browser sent it urlencoded/multipart (no
 * JavaScript) or a script sent JSON. Capped: a visitor form is a few kB.
 */
export async function readFormFields(event: H3Event): Promise<Record<string, unknown>> {
  const length = Number(getRequestHeader(event, 'content-length') ?? 0)
  if (length > 64 * 1024) throw apiError(413, 'payload_too_large', 'Le formulaire envoyé est trop volumineux.')
  const type = getRequestHeader(event, 'content-type') ?? ''
  if (type.includes('application/json')) {
    const body = await readBody<unknown>(event)
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw apiError(400, 'bad_request', 'Le corps de la requête doit être un objet JSON.')
    return body as Record<string, unknown>
  }
  if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
    const form = await readFormData(event)
    const fields: Record<string, unknown> = {}
    for (const [key, value] of form.entries()) {
      if (typeof value === 'string') fields[key] = value
    }
    return fields
  }
  throw apiError(415, 'unsupported_media_type', 'Envoyez le formulaire en JSON ou en application/x-www-form-urlencoded.')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
