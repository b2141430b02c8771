import type { H3Event } from 'h3'
import { z } from 'zod'
import { checkLocalPassword } from '../database/local-auth'
import { signLocalAccessToken, verifyAccessToken } from './auth-token'
import { loadStaffUser, recordStaffAction, type StaffUser } from './staff-access'
import { invalidCredentials, signInWithSupabase, signOutOfSupabase } from './supabase-auth'

export const signInBody = z.object({
  email: z.string({ error: 'Adresse e-mail manquante.' }).trim().min(1, 'Adresse e-mail manquante.').max(254, 'Adresse e-mail trop longue.'),
  password: z.string({ error: 'Mot de passe manquant.' }).min(1, 'Mot de passe manquant.').max(1024, 'Mot de passe trop long.'),
})

/** Attempts per client address: enough for typos, too few for guessing. */
const SIGN_IN_LIMIT = { limit: 10, windowSeconds: 60 }

/**
 * Signs a staff member in and sets the session cookies. Supabase Auth when it
 * is configured; otherwise the embedded local sign-in (refused in
 * production). A wrong e-mail and a wrong password get the same answer.
 */
export async function signInStaff(event: H3Event, credentials: z.infer<typeof signInBody>): Promise<{ staff: StaffUser, expiresAt: number, accessToken: string }> {
  // Sign-in CSRF: a foreign page must not sign a browser into another account.
  assertSameOrigin(event, { proofRequired: false })
  enforceRateLimit(event, 'staff-sign-in', SIGN_IN_LIMIT)
  const settings = authSettings(event)
  const db = await staffDatabase()
  let session: { accessToken: string, expiresAt: number, refreshToken?: string }
  if (settings.mode === 'supabase') {
    session = await signInWithSupabase(settings, credentials.email, credentials.password)
  }
  else {
    assertLocalSignInAllowed()
    const account = await checkLocalPassword(db, credentials.email, credentials.password)
    if (!account) throw invalidCredentials()
    const { token, expiresAt } = await signLocalAccessToken(account, localJwtSecret(event))
    session = { accessToken: token, expiresAt }
  }
  const claims = await verifyAccessToken(session.accessToken, accessTokenKeys(event)).catch((error: unknown) => {
    // Supabase signed a token this server cannot verify: the secret or JWKS settings are wrong.
    console.error('[auth] freshly issued token rejected:', (error as Error).message)
    throw apiError(503, 'auth_misconfigured', 'Connexion impossible : la vérification des sessions est mal configurée sur le serveur.')
  })
  const staff = await loadStaffUser(db, claims)
  if (!staff) throw apiError(403, 'no_staff_access', 'Ce compte n’a pas accès à l’espace équipe.')
  // Bookkeeping on nobody's behalf yet: the audit log takes no staff writes.
  await db.as({ role: 'service_role' }, tx => recordStaffAction(tx, { actorId: staff.id, action: 'auth.sign_in', targetType: 'user', targetId: staff.id, detail: { mode: settings.mode } }))
  setSessionCookies(event, session)
  event.context.staff = staff
  return { staff, expiresAt: session.expiresAt, accessToken: session.accessToken }
}

/** Clears the session cookies (and revokes Supabase's refresh token). Nothing to check: signing out is always allowed. */
export async function signOutStaff(event: H3Event): Promise<void> {
  assertSameOrigin(event, { proofRequired: false })
  const settings = authSettings(event)
  const accessToken = getCookie(event, SESSION_COOKIE)
  if (settings.mode === 'supabase' && accessToken) await signOutOfSupabase(settings, accessToken)
  clearSessionCookies(event)
}
