/** Newsletter sign-up, step 2: `{ token }` from the confirmation e-mail. 410 when used or unknown. */
export default defineApiHandler(async (event) => {
  enforceRateLimit(event, 'newsletter-token', TOKEN_RATE_LIMIT)
  const outcome = await confirmSubscription(event, await readFormFields(event))
  if (outcome === 'invalid') throw apiError(410, 'invalid_token', 'Ce lien de confirmation a déjà servi ou n’est plus valide.')
  setResponseHeader(event, 'cache-control', 'no-store')
  return { detail: 'Votre inscription est confirmée.' }
})
