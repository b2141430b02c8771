import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  deleteSupabaseUser, inviteWithSupabase, refreshSupabaseSession, signInWithSupabase, signOutOfSupabase,
} from '../../server/utils/supabase-auth'
import { closedPort } from '../e2e/server'

/**
 * The server's calls to Supabase Auth, against a local stand-in that answers
 * like GoTrue: which endpoint and key each call uses, and how refusals and
 * outages become the API's answers.
 */
const ANON_KEY = 'anon-key'
const SERVICE_KEY = 'service-role-key'
const USER = { id: '5f0c6a4e-9a43-4c39-8f7e-2a1b3c4d5e6f', aud: 'authenticated', role: 'authenticated', email: 'staff@gpm.test', app_metadata: {}, user_metadata: {}, created_at: '2026-11-21T10:00:00Z' }
const calls: { method: string, path: string, apikey?: string, authorization?: string, body: Record<string, unknown> }[] = []
let server: Server
let supabaseUrl = ''

const session = (suffix: string) => ({
  access_token: `access-${suffix}`, refresh_token: `refresh-${suffix}`, token_type: 'bearer',
  expires_in: 3600, expires_at: Math.floor(Date.now() / 1000) + 3600, user: USER,
})

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = ''
  for await (const chunk of request) text += chunk
  return text ? JSON.parse(text) : {}
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readJson(request)
    const path = request.url ?? ''
    calls.push({ method: request.method!, path, apikey: request.headers.apikey as string, authorization: request.headers.authorization, body })
    const reply = (status: number, payload: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload))
    if (path === '/auth/v1/token?grant_type=password') {
      return body.password === 'right password'
        ? reply(200, session('1'))
        : reply(400, { code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' })
    }
    if (path === '/auth/v1/token?grant_type=refresh_token') {
      return body.refresh_token === 'refresh-1' ? reply(200, session('2')) : reply(400, { code: 400, error_code: 'refresh_token_not_found', msg: 'Invalid Refresh Token' })
    }
    if (path.startsWith('/auth/v1/invite')) {
      return body.email === 'taken@gpm.test'
        ? reply(422, { code: 422, error_code: 'email_exists', msg: 'A user with this email address has already been registered' })
        : reply(200, { ...USER, id: '11111111-2222-4333-8444-555555555555', email: body.email })
    }
    // supabase-js reads the user before deleting it (supabase/supabase-js#2751).
    if (path === `/auth/v1/admin/users/${USER.id}`) return reply(200, request.method === 'GET' ? USER : {})
    if (path === '/auth/v1/logout?scope=local') return response.writeHead(204).end()
    reply(404, { msg: 'not found' })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  supabaseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise(resolve => server.close(resolve)))

const settings = () => ({ supabaseUrl, anonKey: ANON_KEY, serviceRoleKey: SERVICE_KEY })

async function answer(promise: Promise<unknown>) {
  try {
    await promise
    return 'resolved'
  }
  catch (error) {
    const { statusCode, data } = error as { statusCode: number, data: { code: string } }
    return `${statusCode} ${data.code}`
  }
}

describe('sign-in with a password', () => {
  it('returns the session Supabase issued, having sent the anon key', async () => {
    const result = await signInWithSupabase(settings(), 'staff@gpm.test', 'right password')
    expect(result).toEqual({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: expect.any(Number) })
    expect(calls.at(-1)).toMatchObject({ method: 'POST', apikey: ANON_KEY, body: { email: 'staff@gpm.test', password: 'right password' } })
  })

  it('a wrong password is 401 invalid_credentials', async () => {
    expect(await answer(signInWithSupabase(settings(), 'staff@gpm.test', 'wrong'))).toBe('401 invalid_credentials')
  })

  it('Supabase unreachable is 503 auth_unavailable, not a wrong password', async () => {
    const down = { ...settings(), supabaseUrl: `http://127.0.0.1:${await closedPort()}` }
    expect(await answer(signInWithSupabase(down, 'staff@gpm.test', 'right password'))).toBe('503 auth_unavailable')
  })

  it('without the anon key nothing is sent: 503', async () => {
    const before = calls.length
    expect(await answer(signInWithSupabase({ ...settings(), anonKey: '' }, 'staff@gpm.test', 'right password'))).toBe('503 auth_unavailable')
    expect(calls).toHaveLength(before)
  })
})

describe('sessions', () => {
  it('a refresh token gives a new session; an unknown one gives none', async () => {
    expect(await refreshSupabaseSession(settings(), 'refresh-1')).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' })
    expect(await refreshSupabaseSession(settings(), 'stolen')).toBeNull()
  })

  it('sign-out revokes the session with its own access token', async () => {
    await signOutOfSupabase(settings(), 'access-2')
    expect(calls.at(-1)).toMatchObject({ method: 'POST', path: '/auth/v1/logout?scope=local', apikey: ANON_KEY, authorization: 'Bearer access-2' })
  })
})

describe('admin API (service role key)', () => {
  it('invites by e-mail with the service role key and the display name', async () => {
    expect(await inviteWithSupabase(settings(), 'new@gpm.test', 'Nouvelle', 'https://gpm.fr/admin/connexion')).toEqual({ id: '11111111-2222-4333-8444-555555555555' })
    expect(calls.at(-1)).toMatchObject({
      path: `/auth/v1/invite?redirect_to=${encodeURIComponent('https://gpm.fr/admin/connexion')}`,
      authorization: `Bearer ${SERVICE_KEY}`,
      body: { email: 'new@gpm.test', data: { display_name: 'Nouvelle' } },
    })
  })

  it.each([
    ['an e-mail already registered', () => inviteWithSupabase(settings(), 'taken@gpm.test', null), '409 email_taken'],
    ['no service role key', () => inviteWithSupabase({ ...settings(), serviceRoleKey: '' }, 'new@gpm.test', null), '501 invite_unavailable'],
  ])('refuses %s', async (_, attempt, expected) => {
    expect(await answer(attempt())).toBe(expected)
  })

  it('deletes the sign-in account', async () => {
    await deleteSupabaseUser(settings(), USER.id)
    expect(calls.at(-1)).toMatchObject({ method: 'DELETE', path: `/auth/v1/admin/users/${USER.id}`, authorization: `Bearer ${SERVICE_KEY}` })
  })
})
