/** Creates a role: `{ name, description?, permissions? }` (`roles.manage`). 201. */
export default defineApiHandler(async (event) => {
  const staff = await requirePermission(event, 'roles.manage')
  const input = roleCreateBody.parse(await readFormFields(event))
  const role = await createRole(await staffDatabase(), staff, input)
  setResponseStatus(event, 201)
  return role
})
