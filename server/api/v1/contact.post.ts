/** A contact message (JSON or form-encoded). 201 once stored; 422 with `fields`; 429; 503 when the database is down. */
export default defineApiHandler(async (event) => {
  enforceRateLimit(event, 'contact', formRateLimit())
  const fields = await readFormFields(event)
  const { id } = await submitContact(event, fields)
  setResponseStatus(event, 201)
  setResponseHeader(event, 'cache-control', 'no-store')
  return { id, detail: 'Merci, votre message a bien été envoyé.' }
})
