/**
 * Structured logs: one JSON object per line on stdout, which Docker's
 * json-file driver keeps and any log shipper reads as is. Every request gets
 * a request id, taken from X-Request-Id when the caller (Traefik, nginx, a
 * test) sent a well-formed one, generated otherwise, echoed in the response
 * and present on every line about that request.
 */
import { randomUUID } from 'node:crypto'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Record<string, unknown>
export type LogSink = (line: string) => void

export const REQUEST_ID_HEADER = 'x-request-id'
// Printable, no spaces or quotes: it goes into log lines and response headers as is.
const REQUEST_ID = /^[A-Za-z0-9][\w.:@=/+-]{0,127}$/

let sink: LogSink = line => process.stdout.write(`${line}\n`)

/** Test hook: where log lines go; returns the previous sink. */
export function setLogSink(next: LogSink): LogSink {
  const previous = sink
  sink = next
  return previous
}

export function formatLogLine(level: LogLevel, msg: string, fields: LogFields = {}, now = new Date()): string {
  return JSON.stringify({ time: now.toISOString(), level, msg, ...fields }, (_, value: unknown) =>
    value instanceof Error ? { name: value.name, message: value.message } : value)
}

export function logJson(level: LogLevel, msg: string, fields: LogFields = {}) {
  sink(formatLogLine(level, msg, fields))
}

/** The caller's request id when it is well formed, a new UUID otherwise. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header
  return value && REQUEST_ID.test(value) ? value : randomUUID()
}

/** info below 400, warn for refusals, error for failures. */
export function levelForStatus(status: number): LogLevel {
  return status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info'
}

/**
 * The `route` label of a request: the pattern of the server route that
 * matched (`/api/v1/publish-events/:id/stages`), or for pages and files the
 * pattern of the page — never the raw path, so the number of series stays
 * bounded whatever URLs are requested.
 */
export function routeLabel(path: string, matchedRoute?: string): string {
  if (matchedRoute && matchedRoute !== '/**') return matchedRoute.replace(/\*\*:\w+$/, '**')
  const pathname = (path.split('?')[0] ?? '/').replace(/\/+$/, '') || '/'
  if (pathname === '/') return '/'
  if (pathname.startsWith('/_nuxt/')) return '/_nuxt/**'
  if (pathname.startsWith('/_sanity/')) return '/_sanity/**'
  if (pathname.startsWith('/api/')) return '/api/**'
  if (['/formations', '/actualites', '/adhesion'].includes(pathname)) return pathname
  if (/^\/actualites\/page\/[^/]+$/.test(pathname)) return '/actualites/page/[page]'
  if (/^\/actualites\/[^/]+$/.test(pathname)) return '/actualites/[slug]'
  if (/^\/formations\/[^/]+$/.test(pathname)) return '/formations/[slug]'
  if (/\.[A-Za-z0-9]{1,8}$/.test(pathname)) return '/[file]'
  return '/[...slug]'
}
