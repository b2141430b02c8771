/** Clears the session cookies (and revokes Supabase's refresh token). 204. */
export default defineApiHandler(async (event) => {
  await signOutStaff(event)
  setResponseStatus(event, 204)
  return null
})
