/**
 * Creates a staff account (`users.manage`): `{ email, display_name?, roles?, password? }`.
 * Embedded default: with the given password. Supabase: an invitation e-mail
 * (needs the service role key; 501 without). 201 with the account.
 */
export default defineApiHandler(async (event) => {
  const staff = await requirePermission(event, 'users.manage')
  const input = staffUserCreateBody.parse(await readFormFields(event))
  const user = await createStaffUser(await staffDatabase(), staff, input, staffAccountProvider(event))
  setResponseStatus(event, 201)
  return user
})
