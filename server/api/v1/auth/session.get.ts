/** The signed-in member: id, e-mail, roles, permissions, and how accounts are managed (`local` or `supabase`). 401 when signed out. */
export default defineApiHandler(async (event) => {
  const staff = await requireStaff(event)
  return { ...publicStaff(staff), auth_mode: authSettings(event).mode }
})
