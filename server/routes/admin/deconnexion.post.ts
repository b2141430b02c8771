/** The sign-out button of every back-office page: clears the session, back to the sign-in form. */
export default defineEventHandler(async (event) => {
  setResponseHeader(event, 'cache-control', 'private, no-store')
  try {
    await signOutStaff(event)
    return sendRedirect(event, '/admin/connexion?notice=signed_out', 303)
  }
  catch (error) {
    return sendRedirect(event, `/admin/connexion?erreur=${toApiError(error).body.code}`, 303)
  }
})
