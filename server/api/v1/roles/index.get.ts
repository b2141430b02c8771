/** Roles with their permissions, paginated (any staff member: role names are not secret to staff). */
export default defineApiHandler(async (event) => {
  const staff = await requireStaff(event)
  const pagination = paginationQuery.parse(getQuery(event))
  return listRoles(await staffDatabase(), staff, pagination)
})
