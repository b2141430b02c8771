import { describe, expect, it } from 'vitest'
import { nextSession, placesLeft, sessionStatus, sortByNextSession, upcomingSessions } from '../../shared/formation'

const now = new Date('2027-01-15T12:00:00Z')

describe('session status', () => {
  it.each([
    [{ start: '2027-02-01T08:00:00Z', capacity: 12, registrations: 3 }, 'open'],
    [{ start: '2027-02-01T08:00:00Z', capacity: 12, registrations: 12 }, 'full'],
    [{ start: '2027-02-01T08:00:00Z', capacity: 12, registrations: 15 }, 'full'],
    [{ start: '2027-02-01T08:00:00Z', capacity: 0 }, 'full'],
    [{ start: '2027-02-01T08:00:00Z' }, 'open'],
    [{ start: '2027-01-10T08:00:00Z', capacity: 12, registrations: 0 }, 'closed'],
    [{ start: '2027-01-15T12:00:00Z', capacity: 12 }, 'closed'],
    [{ start: null }, 'closed'],
    [{ start: 'nonsense' }, 'closed'],
  ])('%j is %s', (session, expected) => {
    expect(sessionStatus(session, now)).toBe(expected)
  })

  it('counts places left, never below zero', () => {
    expect(placesLeft({ capacity: 12, registrations: 5 })).toBe(7)
    expect(placesLeft({ capacity: 12, registrations: 20 })).toBe(0)
    expect(placesLeft({ capacity: null })).toBeUndefined()
  })

  it('lists upcoming sessions soonest first', () => {
    const sessions = [
      { start: '2027-06-01T08:00:00Z' },
      { start: '2026-06-01T08:00:00Z' },
      { start: '2027-03-01T08:00:00Z' },
    ]
    expect(upcomingSessions(sessions, now).map(session => session.start)).toEqual(['2027-03-01T08:00:00Z', '2027-06-01T08:00:00Z'])
    expect(nextSession(sessions, now)?.start).toBe('2027-03-01T08:00:00Z')
    expect(nextSession(null, now)).toBeUndefined()
  })

  it('orders a catalogue by next session, then the rest by title', () => {
    const formations = [
      { title: 'Zéro session', sessions: [] },
      { title: 'Plus tard', sessions: [{ start: '2027-09-01T08:00:00Z' }] },
      { title: 'Archive', sessions: [{ start: '2025-09-01T08:00:00Z' }] },
      { title: 'Bientôt', sessions: [{ start: '2027-02-01T08:00:00Z' }] },
    ]
    expect(sortByNextSession(formations, now).map(formation => formation.title)).toEqual(['Bientôt', 'Plus tard', 'Archive', 'Zéro session'])
  })
})
