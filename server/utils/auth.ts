import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { H3Event } from 'h3'
import type { Database } from '../database/client'
import { apiError } from './api-error'
import { AccessTokenError, type AccessTokenKeys, LOCAL_TOKEN_ISSUER, verifyAccessToken } from './auth-token'
import { assertPermission, loadStaffUser, type StaffUser } from './staff-access'
import { refreshSupabaseSession } from './supabase-auth'

declare module 'h3' {
  interface H3EventContext {
    /** The signed-in staff member, once requireStaff has run for this request. */
    staff?: StaffUser
  }
}

/** httpOnly cookies of a staff session: the access token, and Supabase's refresh token. */
export const SESSION_COOKIE = 'gpm_session'
export const REFRESH_COOKIE = 'gpm_refresh'
/** How long a Supabase refresh token is kept by the browser. */
const REFRESH_COOKIE_MAX_AGE = 7 * 24 * 60 * 60

/**
 * NODE_ENV as the process was started with. Nitro replaces the literal
 * `process.env.NODE_ENV` at build time (always "production" in a build), so
 * it is read through a variable: the local sign-in must be refused by how the
 * server runs (the container sets NODE_ENV=production), not by how it was built.
 */
export function runtimeNodeEnv(): string | undefined {
  const env: Record<string, string | undefined> = process.env
  return env['NODE_ENV']
}

export interface AuthSettings {
  /** Supabase Auth is used when its URL is set; otherwise the embedded local sign-in. */
  mode: 'supabase' | 'local'
  supabaseUrl: string
  anonKey: string
  serviceRoleKey: string
  jwtSecret: string
}

export function authSettings(event?: H3Event): AuthSettings {
  const config = useRuntimeConfig(event)
  const supabaseUrl = (config.public.supabase.url || '').replace(/\/+$/, '')
  return {
    mode: supabaseUrl ? 'supabase' : 'local',
    supabaseUrl,
    anonKey: config.public.supabase.anonKey || '',
    serviceRoleKey: config.supabase.serviceRoleKey || '',
    jwtSecret: config.supabase.jwtSecret || '',
  }
}

/** 503 unless the local sign-in may run: never when NODE_ENV is production. */
export function assertLocalSignInAllowed(nodeEnv = runtimeNodeEnv()): void {
  if (nodeEnv === 'production') {
    throw apiError(503, 'local_sign_in_disabled', 'La connexion locale est désactivée en production : configurez Supabase Auth (NUXT_PUBLIC_SUPABASE_URL et NUXT_PUBLIC_SUPABASE_ANON_KEY).')
  }
}

let localSecret: string | undefined

/**
 * The embedded default's signing secret: NUXT_SUPABASE_JWT_SECRET if set,
 * otherwise random bytes generated once and kept in `<dataDir>/local-jwt-secret`
 * (mode 600), so sessions survive a restart and no secret ships in the repo.
 */
export function localJwtSecret(event?: H3Event): string {
  const configured = authSettings(event).jwtSecret
  if (configured) return configured
  if (localSecret) return localSecret
  const file = resolve(useRuntimeConfig(event).dataDir || '.data', 'local-jwt-secret')
  mkdirSync(dirname(file), { recursive: true })
  try {
    writeFileSync(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 })
  }
  catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  if ((statSync(file).mode & 0o077) !== 0) console.warn(`[auth] ${file} is readable by other users: chmod 600 it`)
  localSecret = readFileSync(file, 'utf8').trim()
  if (localSecret.length < 32) throw new Error(`${file} holds a secret shorter than 32 characters`)
  return localSecret
}

/** How tokens are verified: the configured HS256 secret, else Supabase's JWKS, else the local secret. */
export function accessTokenKeys(event?: H3Event): AccessTokenKeys {
  const settings = authSettings(event)
  const issuer = settings.mode === 'supabase' ? `${settings.supabaseUrl}/auth/v1` : LOCAL_TOKEN_ISSUER
  if (settings.jwtSecret) return { secret: settings.jwtSecret, issuer }
  if (settings.mode === 'supabase') return { jwksUrl: `${settings.supabaseUrl}/auth/v1/.well-known/jwks.json`, issuer }
  // Locally signed tokens are never honoured in production, whatever the secret file says.
  if (runtimeNodeEnv() === 'production') return {}
  return { secret: localJwtSecret(event), issuer }
}

// Cookies ------------------------------------------------------------------------

function secureCookies(event: H3Event): boolean {
  return runtimeNodeEnv() === 'production' || getRequestProtocol(event, { xForwardedProto: true }) === 'https'
}

export function setSessionCookies(event: H3Event, session: { accessToken: string, expiresAt: number, refreshToken?: string }) {
  const base = { httpOnly: true, secure: secureCookies(event), sameSite: 'strict' as const, path: '/' }
  const maxAge = Math.max(0, session.expiresAt - Math.floor(Date.now() / 1000))
  setCookie(event, SESSION_COOKIE, session.accessToken, { ...base, maxAge })
  if (session.refreshToken) setCookie(event, REFRESH_COOKIE, session.refreshToken, { ...base, maxAge: REFRESH_COOKIE_MAX_AGE })
}

export function clearSessionCookies(event: H3Event) {
  const base = { httpOnly: true, secure: secureCookies(event), sameSite: 'strict' as const, path: '/' }
  deleteCookie(event, SESSION_COOKIE, base)
  deleteCookie(event, REFRESH_COOKIE, base)
}

// Cross-site request forgery ---------------------------------------------------

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function ownOrigins(event: H3Event): string[] {
  const origins = [getRequestURL(event, { xForwardedHost: true, xForwardedProto: true }).origin]
  const siteUrl = useRuntimeConfig(event).public.siteUrl
  if (siteUrl) origins.push(new URL(siteUrl).origin)
  return origins
}

/**
 * A browser says where a request comes from (Sec-Fetch-Site, Origin); a
 * cookie-carried request that changes something must come from this site.
 * `proofRequired`: with neither header the request is refused too (a
 * cookie-authenticated write); without it, a request with no browser headers
 * (a script signing in) passes.
 */
export function assertSameOrigin(event: H3Event, { proofRequired }: { proofRequired: boolean }) {
  const fetchSite = getRequestHeader(event, 'sec-fetch-site')
  const origin = getRequestHeader(event, 'origin')
  if (fetchSite ? fetchSite === 'same-origin' : origin ? ownOrigins(event).includes(origin) : !proofRequired) return
  throw apiError(403, 'cross_site_request', 'Requête refusée : elle ne vient pas du site lui-même.')
}

// Staff members ------------------------------------------------------------------

interface Credential {
  token: string
  source: 'bearer' | 'cookie'
}

function readCredential(event: H3Event): Credential | null {
  const authorization = getRequestHeader(event, 'authorization')
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization)
    // A malformed Authorization header is a mistake to report, not a reason to try the cookie.
    return { token: match?.[1] ?? '', source: 'bearer' }
  }
  const cookie = getCookie(event, SESSION_COOKIE)
  return cookie ? { token: cookie, source: 'cookie' } : null
}

const unauthorized = (detail: string) => apiError(401, 'unauthorized', detail)

/**
 * The signed-in staff member of this request, or 401. Bearer tokens (API
 * clients) need no CSRF check; the session cookie does, for every method that
 * changes something. Staff answers are personal: never stored by a cache.
 */
export async function requireStaff(event: H3Event): Promise<StaffUser> {
  if (event.context.staff) return event.context.staff
  setResponseHeader(event, 'cache-control', 'private, no-store')
  const credential = readCredential(event)
  const cookieCarried = credential ? credential.source === 'cookie' : Boolean(getCookie(event, REFRESH_COOKIE))
  if (cookieCarried && !SAFE_METHODS.has(event.method)) assertSameOrigin(event, { proofRequired: true })
  // The access cookie expires with its token; the refresh cookie outlives it.
  const token = credential?.token ?? (cookieCarried ? await refreshStaffSession(event) : null)
  if (!token) throw unauthorized('Connexion requise.')
  let claims
  try {
    claims = await verifyAccessToken(token, accessTokenKeys(event))
  }
  catch (error) {
    if (!(error instanceof AccessTokenError)) throw error
    if (error.reason === 'unconfigured') console.error('[auth] no way to verify tokens: set NUXT_PUBLIC_SUPABASE_URL or NUXT_SUPABASE_JWT_SECRET')
    const refreshed = credential?.source === 'cookie' && error.reason === 'expired' ? await refreshStaffSession(event) : null
    if (!refreshed) throw unauthorized('Session expirée ou invalide : reconnectez-vous.')
    claims = await verifyAccessToken(refreshed, accessTokenKeys(event))
  }
  const staff = await loadStaffUser(await staffDatabase(), claims)
  if (!staff) throw unauthorized('Ce compte n’a pas accès à l’espace équipe.')
  event.context.staff = staff
  return staff
}

/**
 * Supabase only: trades the refresh cookie for a new session, sets both
 * cookies, and returns the new access token (null when there is nothing to
 * refresh or Supabase refuses — the member signs in again). Also makes the
 * rest of this request see the new token.
 */
export async function refreshStaffSession(event: H3Event): Promise<string | null> {
  const settings = authSettings(event)
  const refreshToken = getCookie(event, REFRESH_COOKIE)
  if (settings.mode !== 'supabase' || !refreshToken) return null
  const session = await refreshSupabaseSession(settings, refreshToken).catch((error: unknown) => {
    console.warn('[auth] session refresh failed:', (error as Error).message)
    return null
  })
  if (!session) {
    clearSessionCookies(event)
    return null
  }
  setSessionCookies(event, session)
  replaceRequestCookie(event, SESSION_COOKIE, session.accessToken)
  return session.accessToken
}

/**
 * Server-side rendering fetches the API with the page request's cookies: the
 * fresh token must replace the expired one there too, or every fetch of this
 * render would refresh again.
 */
function replaceRequestCookie(event: H3Event, name: string, value: string) {
  const cookies = parseCookies(event)
  cookies[name] = value
  event.node.req.headers.cookie = Object.entries(cookies).map(([key, cookie]) => `${key}=${encodeURIComponent(cookie)}`).join('; ')
}

/** What the API shows of a member (the claims stay on the server). */
export function publicStaff(staff: StaffUser) {
  return { id: staff.id, email: staff.email, roles: staff.roles, permissions: staff.permissions }
}

/** The database for staff requests; 503 `database_unavailable` when it cannot be reached. */
export async function staffDatabase(): Promise<Database> {
  return useDatabase().catch((error: unknown) => {
    console.error('[db] unavailable:', (error as Error).message)
    throw apiError(503, 'database_unavailable', 'La base de données ne répond pas. Réessayez dans quelques minutes.')
  })
}

/** The signed-in staff member if they hold `permission`; 401 signed out, 403 without it. */
export async function requirePermission(event: H3Event, permission: string): Promise<StaffUser> {
  const staff = await requireStaff(event)
  assertPermission(staff, permission)
  return staff
}
