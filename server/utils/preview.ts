import { createHmac } from 'node:crypto'
import { createClient, type SanityClient } from '@sanity/client'
import type { H3Event } from 'h3'
import { sameSecret } from './same-secret'

/**
 * Preview mode: a signed, short-lived cookie set after the Studio's secret
 * handshake. While it is valid, pages are rendered with the `drafts`
 * perspective through the server's read token (never sent to the browser),
 * are never cached and never indexed.
 */
export const PREVIEW_COOKIE = '__gpm_preview'
/** As long as the Studio's own preview secret lives. */
export const PREVIEW_SECONDS = 3600

/** Signing key derived from the read token: no token, no preview. */
function signingKey(): Buffer | undefined {
  const token = useRuntimeConfig().sanity.token
  return token ? createHmac('sha256', token).update('gpm-preview-cookie').digest() : undefined
}

function sign(key: Buffer, expiresAt: number): string {
  return createHmac('sha256', key).update(String(expiresAt)).digest('base64url')
}

export function previewCookieValue(now = Date.now()): string | undefined {
  const key = signingKey()
  if (!key) return undefined
  const expiresAt = Math.floor(now / 1000) + PREVIEW_SECONDS
  return `${expiresAt}.${sign(key, expiresAt)}`
}

/** Whether the request carries a valid, unexpired preview cookie (constant-time check). */
export function hasPreviewCookie(event: H3Event, now = Date.now()): boolean {
  const value = getCookie(event, PREVIEW_COOKIE)
  const key = signingKey()
  if (!value || !key) return false
  const [expires, signature] = value.split('.')
  const expiresAt = Number(expires)
  if (!signature || !Number.isInteger(expiresAt) || expiresAt * 1000 < now) return false
  return sameSecret(signature, sign(key, expiresAt))
}

export function setPreviewCookie(event: H3Event, value: string) {
  setCookie(event, PREVIEW_COOKIE, value, {
    httpOnly: true,
    path: '/',
    maxAge: PREVIEW_SECONDS,
    // The Studio shows the site in an iframe (another site): the cookie must cross it, so Secure + None.
    secure: true,
    sameSite: 'none',
  })
}

export function clearPreviewCookie(event: H3Event) {
  deleteCookie(event, PREVIEW_COOKIE, { httpOnly: true, path: '/', secure: true, sameSite: 'none' })
}

/** The server-side client that reads the Studio's preview secrets (raw perspective, read token). */
export function previewSecretClient(event: H3Event): SanityClient | undefined {
  const config = useRuntimeConfig(event)
  if (!config.sanity.token) return undefined
  const sanity = config.public.sanity
  return createClient({
    projectId: sanity.projectId,
    dataset: sanity.dataset,
    apiVersion: '2025-02-19',
    apiHost: sanity.apiHost,
    useProjectHostname: sanity.useProjectHostname,
    useCdn: false,
    token: config.sanity.token,
  })
}

/** A same-site path to land on, never another origin. */
export function localPath(value: unknown, fallback = '/'): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : fallback
}
