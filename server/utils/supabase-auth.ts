/**
 * Supabase Auth, called from the server only (supabase-js): sign-in with a
 * password, session refresh, sign-out, and the admin API (invite, delete) when
 * the service role key is configured. Nothing is stored by supabase-js itself:
 * the session lives in the staff member's httpOnly cookies.
 */
import { type AuthError, createClient, type Session } from '@supabase/supabase-js'
import { apiError } from './api-error'

export interface SupabaseAuthSettings {
  supabaseUrl: string
  anonKey: string
  serviceRoleKey?: string
}

export interface SupabaseSession {
  accessToken: string
  refreshToken: string
  /** Seconds since the epoch. */
  expiresAt: number
}

function client(url: string, key: string) {
  return createClient(url, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  })
}

const unavailable = () => apiError(503, 'auth_unavailable', 'Le service de connexion ne répond pas. Réessayez dans quelques minutes.')
export const invalidCredentials = () => apiError(401, 'invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.')

/** Supabase down, or a network failure, rather than a refusal. */
function isOutage(error: AuthError): boolean {
  return error.name === 'AuthRetryableFetchError' || !error.status || error.status >= 500
}

function toSession(session: Session): SupabaseSession {
  return {
    accessToken: session.access_token,
    refreshToken: session.refresh_token,
    expiresAt: session.expires_at ?? Math.floor(Date.now() / 1000) + session.expires_in,
  }
}

function requireAnonKey(settings: SupabaseAuthSettings) {
  if (!settings.anonKey) {
    throw apiError(503, 'auth_unavailable', 'Connexion indisponible : NUXT_PUBLIC_SUPABASE_ANON_KEY n’est pas configurée.')
  }
}

/** Wrong e-mail, wrong password, unconfirmed e-mail: one answer (401 invalid_credentials). */
export async function signInWithSupabase(settings: SupabaseAuthSettings, email: string, password: string): Promise<SupabaseSession> {
  requireAnonKey(settings)
  const { data, error } = await client(settings.supabaseUrl, settings.anonKey).auth.signInWithPassword({ email, password })
  if (error) throw isOutage(error) ? unavailable() : invalidCredentials()
  if (!data.session) throw invalidCredentials()
  return toSession(data.session)
}

export async function refreshSupabaseSession(settings: SupabaseAuthSettings, refreshToken: string): Promise<SupabaseSession | null> {
  requireAnonKey(settings)
  const { data, error } = await client(settings.supabaseUrl, settings.anonKey).auth.refreshSession({ refresh_token: refreshToken })
  if (error) {
    if (isOutage(error)) throw unavailable()
    return null
  }
  return data.session ? toSession(data.session) : null
}

/** Revokes the session's refresh tokens on Supabase (best effort: the cookies go anyway). */
export async function signOutOfSupabase(settings: SupabaseAuthSettings, accessToken: string): Promise<void> {
  if (!settings.anonKey) return
  const response = await fetch(`${settings.supabaseUrl}/auth/v1/logout?scope=local`, {
    method: 'POST',
    headers: { apikey: settings.anonKey, authorization: `Bearer ${accessToken}` },
    signal: AbortSignal.timeout(5000),
  }).catch((error: unknown) => ({ ok: false, status: (error as Error).message }))
  if (!response.ok) console.warn('[auth] Supabase sign-out failed:', response.status)
}

function adminClient(settings: SupabaseAuthSettings) {
  if (!settings.serviceRoleKey) {
    throw apiError(501, 'invite_unavailable', 'Invitation impossible d’ici : NUXT_SUPABASE_SERVICE_ROLE_KEY n’est pas configurée. Invitez la personne depuis le tableau de bord Supabase (Authentication → Users), puis attribuez-lui ses rôles ici.')
  }
  return client(settings.supabaseUrl, settings.serviceRoleKey).auth.admin
}

/** Supabase sends the invitation e-mail; the person chooses their password from it. */
export async function inviteWithSupabase(settings: SupabaseAuthSettings, email: string, displayName: string | null, redirectTo?: string): Promise<{ id: string }> {
  const { data, error } = await adminClient(settings).inviteUserByEmail(email, {
    data: displayName ? { display_name: displayName } : {},
    redirectTo,
  })
  if (error) {
    if (error.status === 422 || error.code === 'email_exists') throw apiError(409, 'email_taken', 'Un compte existe déjà avec cette adresse e-mail.')
    if (isOutage(error)) throw unavailable()
    throw apiError(502, 'invite_failed', `Supabase a refusé l’invitation : ${error.message}`)
  }
  return { id: data.user.id }
}

/** Deletes the sign-in account on Supabase when the service role key allows it; otherwise only access was removed. */
export async function deleteSupabaseUser(settings: SupabaseAuthSettings, userId: string): Promise<void> {
  if (!settings.serviceRoleKey) {
    console.warn(`[auth] user ${userId} lost every access; delete the account in Supabase's dashboard (no service role key here)`)
    return
  }
  const { error } = await adminClient(settings).deleteUser(userId)
  if (error) console.error(`[auth] Supabase could not delete user ${userId}:`, error.message)
}
