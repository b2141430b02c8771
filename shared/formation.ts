/**
 * Registration state of a formation's sessions, decided from dates and
 * places. Pure functions of (session, now) so pages, JSON-LD and tests agree.
 */

export interface SessionLike {
  start?: string | null
  end?: string | null
  capacity?: number | null
  registrations?: number | null
}

export type SessionStatus = 'open' | 'full' | 'closed'

export function sessionStatus(session: SessionLike, now: Date = new Date()): SessionStatus {
  const start = session.start ? new Date(session.start) : undefined
  if (!start || Number.isNaN(start.getTime()) || start <= now) return 'closed'
  const capacity = session.capacity ?? undefined
  if (capacity !== undefined && (session.registrations ?? 0) >= capacity) return 'full'
  return 'open'
}

export function placesLeft(session: SessionLike): number | undefined {
  if (session.capacity === undefined || session.capacity === null) return undefined
  return Math.max(session.capacity - (session.registrations ?? 0), 0)
}

export function upcomingSessions<T extends SessionLike>(sessions: readonly T[] | null | undefined, now: Date = new Date()): T[] {
  return (sessions ?? [])
    .filter(session => session.start && new Date(session.start) > now)
    .sort((a, b) => new Date(a.start!).getTime() - new Date(b.start!).getTime())
}

export function nextSession<T extends SessionLike>(sessions: readonly T[] | null | undefined, now: Date = new Date()): T | undefined {
  return upcomingSessions(sessions, now)[0]
}

/** Catalogue order: formations with an upcoming session first (soonest first), then the rest by title. */
export function sortByNextSession<T extends { title?: string | null, sessions?: readonly SessionLike[] | null }>(formations: readonly T[], now: Date = new Date()): T[] {
  const key = (formation: T) => nextSession(formation.sessions, now)?.start
  return [...formations].sort((a, b) => {
    const [nextA, nextB] = [key(a), key(b)]
    if (nextA && nextB) return new Date(nextA).getTime() - new Date(nextB).getTime()
    if (nextA || nextB) return nextA ? -1 : 1
    return (a.title ?? '').localeCompare(b.title ?? '', 'fr')
  })
}
