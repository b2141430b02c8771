/**
 * Staff access tokens: Supabase Auth's JWTs, verified with the project's
 * HS256 secret or its published keys (JWKS, ES256/RS256), and the same kind of
 * token issued by the embedded default's local sign-in. Plain module (no Nuxt
 * auto-imports): unit tests and scripts use it as is.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose'
import type { JwtClaims } from '../database/client'

/** Audience and role Supabase Auth puts in a signed-in user's token. */
export const STAFF_AUDIENCE = 'authenticated'
/** Issuer of the tokens the embedded default's local sign-in signs. */
export const LOCAL_TOKEN_ISSUER = 'gpm-local-auth'
/** A local session lasts a working day; there is no refresh token locally. */
export const LOCAL_TOKEN_LIFETIME_SECONDS = 8 * 60 * 60

export interface AccessTokenKeys {
  /** HS256 shared secret (Supabase's legacy JWT secret, or the local one). */
  secret?: string
  /** `<project>/auth/v1/.well-known/jwks.json`; used when no secret is given. */
  jwksUrl?: string
  /** Expected `iss`; checked when known. */
  issuer?: string
}

export class AccessTokenError extends Error {
  readonly reason: 'malformed' | 'expired' | 'invalid' | 'unconfigured'
  constructor(reason: AccessTokenError['reason'], message: string) {
    super(message)
    this.reason = reason
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

// One key set per URL for the process: jose caches the keys and refetches on
// an unknown `kid` (key rotation), at most once every 30 s.
const keySets = new Map<string, JWTVerifyGetKey>()

function remoteKeySet(url: string): JWTVerifyGetKey {
  let keySet = keySets.get(url)
  if (!keySet) keySets.set(url, keySet = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000, cooldownDuration: 30_000 }))
  return keySet
}

/**
 * Checks signature, expiry, audience, issuer (when known) and that the token
 * belongs to a signed-in user (`role` authenticated, `sub` a UUID). `alg: none`
 * and algorithms other than the configured ones are refused.
 */
export async function verifyAccessToken(token: string, keys: AccessTokenKeys): Promise<JwtClaims> {
  if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(token)) throw new AccessTokenError('malformed', 'not a JWS compact token')
  const options = { audience: STAFF_AUDIENCE, issuer: keys.issuer || undefined, clockTolerance: 5 }
  let payload: JWTPayload
  try {
    if (keys.secret) {
      ({ payload } = await jwtVerify(token, new TextEncoder().encode(keys.secret), { ...options, algorithms: ['HS256'] }))
    }
    else if (keys.jwksUrl) {
      ({ payload } = await jwtVerify(token, remoteKeySet(keys.jwksUrl), { ...options, algorithms: ['ES256', 'RS256'] }))
    }
    else {
      throw new AccessTokenError('unconfigured', 'no JWT secret and no JWKS URL')
    }
  }
  catch (error) {
    if (error instanceof AccessTokenError) throw error
    if (error instanceof joseErrors.JWTExpired) throw new AccessTokenError('expired', 'token expired')
    throw new AccessTokenError('invalid', (error as Error).message)
  }
  if (typeof payload.sub !== 'string' || !UUID.test(payload.sub)) throw new AccessTokenError('invalid', 'sub is not a user id')
  if (payload.role !== STAFF_AUDIENCE) throw new AccessTokenError('invalid', 'not a signed-in user\'s token')
  // exp is mandatory: a token that never expires cannot be revoked.
  if (typeof payload.exp !== 'number') throw new AccessTokenError('invalid', 'token has no expiry')
  return payload as JwtClaims
}

/** Signs the token the local sign-in issues: the claims Supabase Auth would put in it. */
export async function signLocalAccessToken(
  user: { id: string, email: string },
  secret: string,
  { lifetimeSeconds = LOCAL_TOKEN_LIFETIME_SECONDS, now = Date.now() } = {},
): Promise<{ token: string, expiresAt: number }> {
  const issuedAt = Math.floor(now / 1000)
  const expiresAt = issuedAt + lifetimeSeconds
  const token = await new SignJWT({ email: user.email, role: STAFF_AUDIENCE, aal: 'aal1', amr: [{ method: 'password', timestamp: issuedAt }] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user.id)
    .setAudience(STAFF_AUDIENCE)
    .setIssuer(LOCAL_TOKEN_ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(secret))
  return { token, expiresAt }
}
