import type { H3Event } from 'h3'

/**
 * The back office works without JavaScript: its forms POST to the page they
 * are on (`/admin/messages`…), a small server route runs the same service as
 * the API, then redirects (303) back to the page with a notice or an error
 * code the page turns into French text. Error codes travel in the URL, never
 * free text: a crafted link cannot make the page say anything.
 */
export type AdminForm = FormData

const MAX_FORM_BYTES = 64 * 1024

/** A form-encoded body, capped; anything else is not one of our forms (415). */
export async function readAdminForm(event: H3Event): Promise<AdminForm> {
  if (Number(getRequestHeader(event, 'content-length') ?? 0) > MAX_FORM_BYTES) {
    throw apiError(413, 'payload_too_large', 'Le formulaire envoyé est trop volumineux.')
  }
  const type = getRequestHeader(event, 'content-type') ?? ''
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) {
    throw apiError(415, 'unsupported_media_type', 'Envoyez le formulaire depuis la page.')
  }
  return readFormData(event)
}

/** A text field ('' when absent). */
export function formText(form: AdminForm, name: string): string {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

/** Every value of a repeated field (checkboxes). */
export function formList(form: AdminForm, name: string): string[] {
  return form.getAll(name).filter((value): value is string => typeof value === 'string')
}

/**
 * Where to send the member back: a back-office path from the form, never
 * another site (`//evil.example`, `https:`…) or a way out of /admin (`..`),
 * else `fallback`.
 */
export function adminReturnPath(value: string, fallback: string): string {
  return /^\/admin(?:[/?#]|$)/.test(value) && !/[\\\s]|\/\/|\.\./.test(value) ? value : fallback
}

function withParams(path: string, params: Record<string, string | undefined>): string {
  const url = new URL(path, 'http://back-office.invalid')
  for (const key of ['notice', 'erreur', 'champ']) url.searchParams.delete(key)
  for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value)
  return url.pathname + url.search
}

/**
 * A back-office form route: runs `action`, then redirects to the form's
 * return path with `notice=<code>`, or with `erreur=<code>` (and `champ=<field>`
 * for invalid input). Signed out (or session expired): to the sign-in page,
 * coming back here afterwards.
 */
export function defineAdminFormHandler(page: string, action: (event: H3Event, form: AdminForm) => Promise<string>) {
  return defineEventHandler(async (event) => {
    setResponseHeader(event, 'cache-control', 'private, no-store')
    let back = page
    try {
      const form = await readAdminForm(event)
      back = adminReturnPath(formText(form, 'retour'), page)
      const notice = await action(event, form)
      return sendRedirect(event, withParams(back, { notice }), 303)
    }
    catch (error) {
      const { statusCode, body } = toApiError(error)
      if (statusCode === 401 && body.code === 'unauthorized') return sendRedirect(event, withParams('/admin/connexion', { suite: back, erreur: 'session' }), 303)
      const field = body.fields ? Object.keys(body.fields)[0] : undefined
      return sendRedirect(event, withParams(back, { erreur: body.code, champ: field }), 303)
    }
  })
}
