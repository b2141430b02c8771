/** Newsletter sign-up, step 1 of the double opt-in. Always 202: nobody learns who is subscribed. */
export default defineApiHandler(async (event) => {
  enforceRateLimit(event, 'newsletter', formRateLimit())
  await subscribe(event, await readFormFields(event))
  setResponseStatus(event, 202)
  setResponseHeader(event, 'cache-control', 'no-store')
  return { detail: 'Merci ! Pour terminer votre inscription, ouvrez le lien que nous venons de vous envoyer par e-mail.' }
})
