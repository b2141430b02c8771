import type { H3Event } from 'h3'
import { echoedValues, safeReturnPath } from '#shared/forms'
import type { RateLimit } from '../utils/rate-limit'

/**
 * The visitor forms without JavaScript: the browser POSTs to the form's own
 * page. Success → 303 to a French confirmation page (post/redirect/get).
 * Failure → the request goes on to the page, which shows the form again with
 * the French messages, the visitor's input and the right status (422, 429,
 * 503…). The same services answer the JSON API under /api/v1.
 */
interface VisitorForm {
  rateLimit: () => RateLimit
  /** Returns false when a link's token was not accepted. */
  handle: (event: H3Event, fields: Record<string, unknown>) => Promise<boolean>
  success: string
  invalidToken?: string
}

const FORMS: Record<string, VisitorForm> = {
  '/formulaire/contact': {
    rateLimit: formRateLimit,
    handle: async (event, fields) => Boolean(await submitContact(event, fields)),
    success: '/formulaire/message-envoye',
  },
  '/formulaire/lettre': {
    rateLimit: formRateLimit,
    handle: async (event, fields) => Boolean(await subscribe(event, fields)),
    success: '/formulaire/inscription-a-confirmer',
  },
  '/lettre/confirmer': {
    rateLimit: () => TOKEN_RATE_LIMIT,
    handle: async (event, fields) => await confirmSubscription(event, fields) === 'done',
    success: '/lettre/confirmee',
    invalidToken: 'Ce lien de confirmation a déjà servi ou n’est plus valide. Inscrivez-vous à nouveau pour recevoir un nouveau lien.',
  },
  '/lettre/desinscription': {
    rateLimit: () => TOKEN_RATE_LIMIT,
    handle: async (_event, fields) => await unsubscribe(fields) === 'done',
    success: '/lettre/desinscrit',
    invalidToken: 'Ce lien de désinscription a déjà servi ou n’est plus valide.',
  },
}

export default defineEventHandler(async (event) => {
  if (event.method !== 'POST') return
  const form = FORMS[getRequestURL(event).pathname]
  if (!form) return
  setResponseHeader(event, 'cache-control', 'private, no-store')
  let fields: Record<string, unknown> = {}
  try {
    enforceRateLimit(event, `form:${getRequestURL(event).pathname}`, form.rateLimit())
    fields = await readFormFields(event)
    if (!await form.handle(event, fields)) throw apiError(410, 'invalid_token', form.invalidToken ?? 'Lien invalide.')
    const back = safeReturnPath(fields.source)
    return sendRedirect(event, back ? `${form.success}?retour=${encodeURIComponent(back)}` : form.success, 303)
  }
  catch (error) {
    const { statusCode, body } = toApiError(error)
    setResponseStatus(event, statusCode)
    event.context.visitorForm = { status: statusCode, detail: body.detail, errors: body.fields ?? {}, values: echoedValues(fields) }
  }
})
