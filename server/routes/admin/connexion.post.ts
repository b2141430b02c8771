/**
 * The sign-in form of /admin/connexion (no JavaScript): on success to the
 * page the member wanted (`suite`), else back to the form with the reason.
 */
export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'private, no-store')
  let next = '/admin'
  try {
    const form = await readAdminForm(event)
    next = adminReturnPath(formText(form, 'suite'), '/admin')
    const credentials = signInBody.parse({ email: formText(form, 'email'), password: formText(form, 'password') })
    await signInStaff(event, credentials)
    return sendRedirect(event, next, 303)
  }
  catch (error) {
    const { body } = toApiError(error)
    const query = new URLSearchParams({ erreur: body.code, ...(next !== '/admin' && { suite: next }) })
    return sendRedirect(event, `/admin/connexion?${query}`, 303)
  }
})
