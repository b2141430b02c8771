import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  AccessTokenError, LOCAL_TOKEN_ISSUER, signLocalAccessToken, verifyAccessToken,
} from '../../server/utils/auth-token'

/**
 * Staff tokens: what Supabase Auth issues (HS256 with the project secret, or
 * ES256 with keys published as JWKS) and what the local sign-in issues must
 * pass; anything expired, forged, for another audience or unsigned must not.
 */
const SECRET = 'a-test-secret-that-is-long-enough-for-hs256'
const USER_ID = '5f0c6a4e-9a43-4c39-8f7e-2a1b3c4d5e6f'
const ISSUER = 'https://project.supabase.co/auth/v1'
const now = () => Math.floor(Date.now() / 1000)
const encode = (text: string) => new TextEncoder().encode(text)
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** A Supabase-shaped access token; `overrides` replace or (undefined) remove claims. */
function supabaseClaims(overrides: Record<string, unknown> = {}) {
  const claims = {
    sub: USER_ID, email: 'staff@gpm.test', role: 'authenticated', aud: 'authenticated',
    iss: ISSUER, iat: now(), exp: now() + 3600, ...overrides,
  }
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined))
}

const hs256 = (claims: Record<string, unknown>, secret = SECRET) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(encode(secret))

async function reason(token: string, keys: Parameters<typeof verifyAccessToken>[1]): Promise<string> {
  try {
    await verifyAccessToken(token, keys)
    return 'accepted'
  }
  catch (error) {
    expect(error).toBeInstanceOf(AccessTokenError)
    return (error as AccessTokenError).reason
  }
}

describe('HS256 (Supabase JWT secret, or the local secret)', () => {
  const keys = { secret: SECRET, issuer: ISSUER }

  it('accepts a valid token and returns its claims', async () => {
    const claims = await verifyAccessToken(await hs256(supabaseClaims()), keys)
    expect(claims).toMatchObject({ sub: USER_ID, email: 'staff@gpm.test', role: 'authenticated' })
  })

  it.each([
    ['expired', async () => hs256(supabaseClaims({ iat: now() - 7200, exp: now() - 60 })), 'expired'],
    ['signed with another secret', async () => hs256(supabaseClaims(), 'another-secret-that-is-long-enough-too'), 'invalid'],
    ['for another audience', async () => hs256(supabaseClaims({ aud: 'service' })), 'invalid'],
    ['without audience (the anon key)', async () => hs256(supabaseClaims({ aud: undefined, role: 'anon', sub: undefined })), 'invalid'],
    ['from another issuer', async () => hs256(supabaseClaims({ iss: 'https://other.supabase.co/auth/v1' })), 'invalid'],
    ['the service role key', async () => hs256(supabaseClaims({ role: 'service_role' })), 'invalid'],
    ['without expiry', async () => hs256(supabaseClaims({ exp: undefined })), 'invalid'],
    ['with a sub that is not a user id', async () => hs256(supabaseClaims({ sub: 'admin' })), 'invalid'],
    ['unsigned (alg none)', async () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(supabaseClaims())}.`, 'invalid'],
    ['tampered (role changed after signing)', async () => {
      const [header, , signature] = (await hs256(supabaseClaims({ role: 'anon' }))).split('.')
      return `${header}.${base64url(supabaseClaims())}.${signature}`
    }, 'invalid'],
    ['not a JWT', async () => 'not-a-token', 'malformed'],
  ])('refuses a token %s', async (_, token, expected) => {
    expect(await reason(await token(), keys)).toBe(expected)
  })

  it('refuses everything when no key is configured', async () => {
    expect(await reason(await hs256(supabaseClaims()), {})).toBe('unconfigured')
  })
})

describe('local sign-in tokens', () => {
  it('carry the claims Supabase Auth would, and verify with the local issuer', async () => {
    const { token, expiresAt } = await signLocalAccessToken({ id: USER_ID, email: 'staff@gpm.test' }, SECRET)
    expect(expiresAt).toBeGreaterThan(now() + 7 * 3600)
    const claims = await verifyAccessToken(token, { secret: SECRET, issuer: LOCAL_TOKEN_ISSUER })
    expect(claims).toMatchObject({ sub: USER_ID, email: 'staff@gpm.test', role: 'authenticated', aud: 'authenticated', iss: LOCAL_TOKEN_ISSUER })
  })

  it('are refused where Supabase tokens are expected', async () => {
    const { token } = await signLocalAccessToken({ id: USER_ID, email: 'staff@gpm.test' }, SECRET)
    expect(await reason(token, { secret: SECRET, issuer: ISSUER })).toBe('invalid')
  })

  it('expire', async () => {
    const { token } = await signLocalAccessToken({ id: USER_ID, email: 'staff@gpm.test' }, SECRET, { now: Date.now() - 9 * 3600 * 1000 })
    expect(await reason(token, { secret: SECRET, issuer: LOCAL_TOKEN_ISSUER })).toBe('expired')
  })
})

describe('ES256 with the project\'s JWKS (served by a local HTTP server)', () => {
  let server: Server
  let jwksUrl = ''
  let signingKey: CryptoKey
  let otherKey: CryptoKey
  let jwksRequests = 0
  const KID = 'test-key-1'

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true })
    signingKey = pair.privateKey
    otherKey = (await generateKeyPair('ES256')).privateKey
    const publicJwk: JWK = { ...await exportJWK(pair.publicKey), kid: KID, alg: 'ES256', use: 'sig' }
    server = createServer((request, response) => {
      if (request.url !== '/auth/v1/.well-known/jwks.json') return void response.writeHead(404).end()
      jwksRequests++
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }))
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/auth/v1/.well-known/jwks.json`
  })
  afterAll(() => new Promise(resolve => server.close(resolve)))

  const es256 = (claims: Record<string, unknown>, key = signingKey, kid = KID) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid }).sign(key)

  it('accepts a token signed with the published key (fetched from the JWKS URL)', async () => {
    const claims = await verifyAccessToken(await es256(supabaseClaims()), { jwksUrl, issuer: ISSUER })
    expect(claims.sub).toBe(USER_ID)
    expect(jwksRequests).toBeGreaterThan(0)
  })

  it.each([
    ['signed with a key that is not published', async () => es256(supabaseClaims(), otherKey)],
    ['expired', async () => es256(supabaseClaims({ iat: now() - 7200, exp: now() - 60 }))],
    ['for another audience', async () => es256(supabaseClaims({ aud: 'service' }))],
    ['in HS256 keyed with the public key\'s text (algorithm confusion)', async () => hs256(supabaseClaims(), JSON.stringify({ kid: KID }))],
    ['unsigned (alg none)', async () => `${base64url({ alg: 'none', kid: KID })}.${base64url(supabaseClaims())}.`],
  ])('refuses a token %s', async (_, token) => {
    expect(await reason(await token(), { jwksUrl, issuer: ISSUER })).not.toBe('accepted')
  })

  it('the configured secret wins: an ES256 token is refused when only HS256 is expected', async () => {
    expect(await reason(await es256(supabaseClaims()), { secret: SECRET, jwksUrl, issuer: ISSUER })).toBe('invalid')
  })
})
