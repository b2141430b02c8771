/** Every permission a role can hold, paginated (any staff member). */
export default defineApiHandler(async (event) => {
  const staff = await requireStaff(event)
  const pagination = paginationQuery.parse(getQuery(event))
  return listPermissions(await staffDatabase(), staff, pagination)
})
