import { timingSafeEqual } from 'node:crypto'

/** Whether `given` equals the secret `expected`, compared in constant time (any lengths). */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
