/** Removes a member and their sign-in account (`users.manage`; not oneself). 204. */
export default defineApiHandler(async (event) => {
  const staff = await requirePermission(event, 'users.manage')
  const id = parseRecordId(getRouterParam(event, 'id'), 'Compte introuvable.')
  await deleteStaffUser(await staffDatabase(), staff, id, staffAccountRemoval(event))
  setResponseStatus(event, 204)
  return null
})
