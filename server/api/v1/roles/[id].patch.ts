/** Renames, describes or re-permissions a role (`roles.manage`); system roles keep name and permissions (409). */
export default defineApiHandler(async (event) => {
  const staff = await requirePermission(event, 'roles.manage')
  const id = parseRecordId(getRouterParam(event, 'id'), 'Rôle introuvable.')
  const input = roleUpdateBody.parse(await readFormFields(event))
  return updateRole(await staffDatabase(), staff, id, input)
})
