import { decodeJwt } from 'jose'

/**
 * Supabase sessions outlive their one-hour access token through the refresh
 * cookie. Back-office pages are rendered on the server, which fetches the API
 * with the page request's cookies: the refresh must happen here, on the page
 * request itself, so the new cookies reach the browser and every fetch of the
 * render carries the new token.
 */
export default defineEventHandler(async (event) => {
  if (!event.path.startsWith('/admin') || authSettings(event).mode !== 'supabase' || !getCookie(event, REFRESH_COOKIE)) return
  const token = getCookie(event, SESSION_COOKIE)
  if (token && !expiresWithin(token, 60)) return
  await refreshStaffSession(event).catch((error: unknown) => {
    // Supabase unreachable: the page then answers as signed out, or with its own error.
    console.warn('[auth] refresh before render failed:', (error as Error).message)
  })
})

function expiresWithin(token: string, seconds: number): boolean {
  try {
    const { exp } = decodeJwt(token)
    return typeof exp !== 'number' || exp - Date.now() / 1000 < seconds
  }
  catch {
    return true
  }
}
