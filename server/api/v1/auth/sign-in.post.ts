/**
 * Signs a staff member in (JSON or form-encoded `{ email, password }`): sets
 * the httpOnly session cookie and returns the member and the access token for
 * API clients (`Authorization: Bearer`). 401 for a wrong e-mail or password
 * alike, 429 after 10 attempts a minute, 503 for the local sign-in in production.
 */
export default defineApiHandler(async (event) => {
  const credentials = signInBody.parse(await readFormFields(event))
  const { staff, accessToken, expiresAt } = await signInStaff(event, credentials)
  setResponseHeader(event, 'cache-control', 'no-store')
  return { user: publicStaff(staff), access_token: accessToken, token_type: 'bearer', expires_at: expiresAt }
})
