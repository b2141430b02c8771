/**
 * Unsubscribe with the single-use token: `{ token }` in the body, or
 * `?token=` for one-click unsubscribe from the mail client (RFC 8058, whose
 * body is `List-Unsubscribe=One-Click`).
 */
export default defineApiHandler(async (event) => {
  enforceRateLimit(event, 'newsletter-token', TOKEN_RATE_LIMIT)
  const { token } = getQuery(event)
  const fields = typeof token === 'string' ? { token } : await readFormFields(event)
  const outcome = await unsubscribe(fields)
  if (outcome === 'invalid') throw apiError(410, 'invalid_token', 'Ce lien de désinscription a déjà servi ou n’est plus valide.')
  setResponseHeader(event, 'cache-control', 'no-store')
  return { detail: 'Vous êtes désinscrit de la lettre d’information.' }
})
