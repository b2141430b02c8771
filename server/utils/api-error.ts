import { createError, type H3Event, isError } from 'h3'
import { ZodError } from 'zod'

/**
 * The API's error shape: `{ detail, code }` (plus `fields` for invalid input),
 * with the right status. `detail` is French: forms show it to visitors.
 */
export interface ApiErrorBody {
  detail: string
  code: string
  fields?: Record<string, string>
  [extra: string]: unknown
}

export function apiError(statusCode: number, code: string, detail: string, extra: Record<string, unknown> = {}) {
  return createError({ statusCode, statusMessage: code, data: { detail, code, ...extra } satisfies ApiErrorBody })
}

/** First French message per field, keyed by the field's path (`email`, `roles.0`). */
export function fieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_'
    fields[key] ??= issue.message
  }
  return fields
}

export function validationError(error: ZodError) {
  return apiError(422, 'validation_failed', 'Certains champs sont invalides.', { fields: fieldErrors(error) })
}

/** Any thrown value as the API's error body and status; unexpected errors are logged, never echoed. */
export function toApiError(error: unknown): { statusCode: number, body: ApiErrorBody } {
  if (error instanceof ZodError) return { statusCode: 422, body: validationError(error).data as ApiErrorBody }
  if (isError(error)) {
    const data = error.data as Partial<ApiErrorBody> | undefined
    if (data?.code && data.detail) return { statusCode: error.statusCode, body: data as ApiErrorBody }
    // h3's own validation helpers wrap the ZodError in data.
    if (error.cause instanceof ZodError) return { statusCode: 422, body: validationError(error.cause).data as ApiErrorBody }
    if (error.statusCode < 500) {
      return { statusCode: error.statusCode, body: { detail: error.statusMessage || 'Requête refusée.', code: httpCode(error.statusCode) } }
    }
  }
  console.error('[api] unexpected error:', error)
  return { statusCode: 500, body: { detail: 'Erreur interne, réessayez plus tard.', code: 'internal_error' } }
}

function httpCode(status: number): string {
  return ({ 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed', 413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'rate_limited' } as Record<number, string>)[status] ?? 'error'
}

/**
 * An API route whose every error, expected or not, answers `{ detail, code }`
 * as JSON with its status — never Nuxt's HTML error page or a stack trace.
 */
export function defineApiHandler<T>(handler: (event: H3Event) => T | Promise<T>) {
  return defineEventHandler(async (event) => {
    try {
      return await handler(event)
    }
    catch (error) {
      const { statusCode, body } = toApiError(error)
      setResponseStatus(event, statusCode)
      setResponseHeader(event, 'cache-control', 'no-store')
      return body
    }
  })
}
