import { validatePreviewUrl } from '@sanity/preview-url-secret'

/**
 * The Studio's handshake (Presentation tool): `?sanity-preview-secret=…&
 * sanity-preview-pathname=…`. The secret is checked against the dataset with
 * the server's read token; a valid one sets the preview cookie and redirects
 * to the page. Anything else: 401, no cookie.
 */
export default defineApiHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'no-store')
  enforceRateLimit(event, 'preview-enable', { limit: 30, windowSeconds: 600 })
  const client = previewSecretClient(event)
  const cookie = previewCookieValue()
  if (!client || !cookie) throw apiError(503, 'preview_unavailable', 'L’aperçu n’est pas configuré sur ce serveur (jeton de lecture absent).')
  const { isValid, redirectTo } = await validatePreviewUrl(client, getRequestURL(event).toString())
  if (!isValid) throw apiError(401, 'invalid_preview_secret', 'Lien d’aperçu invalide ou expiré : rouvrez l’aperçu depuis le Studio.')
  setPreviewCookie(event, cookie)
  return sendRedirect(event, localPath(redirectTo), 307)
})
