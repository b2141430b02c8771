/** Changes a member's display name and/or roles (`users.manage`); roles replace the current ones. */
export default defineApiHandler(async (event) => {
  const staff = await requirePermission(event, 'users.manage')
  const id = parseRecordId(getRouterParam(event, 'id'), 'Compte introuvable.')
  const input = staffUserUpdateBody.parse(await readFormFields(event))
  return updateStaffUser(await staffDatabase(), staff, id, input)
})
