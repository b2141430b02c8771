/** Staff accounts with their roles, paginated (`users.manage`). */
export default defineApiHandler(async (event) => {
  const staff = await requirePermission(event, 'users.manage')
  const pagination = paginationQuery.parse(getQuery(event))
  return listStaffUsers(await staffDatabase(), staff, pagination)
})
