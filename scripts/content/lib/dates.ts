/** Date helpers that never look at the clock or the machine's time zone. */

/** Day of month of the last Sunday of a month (UTC calendar). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0))
  return last.getUTCDate() - last.getUTCDay()
}

/**
 * A Paris wall-clock time as the ISO string Sanity's datetime input stores
 * (`2027-03-13T08:00:00.000Z`). Summer time: last Sunday of March to last
 * Sunday of October (good for daytime hours, which is all we use).
 */
export function paris(date: string, time: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const [hour, minute] = time.split(':').map(Number) as [number, number]
  const afterStart = month > 3 || (month === 3 && day >= lastSunday(year, 3))
  const beforeEnd = month < 10 || (month === 10 && day < lastSunday(year, 10))
  const offset = afterStart && beforeEnd ? 2 : 1
  return new Date(Date.UTC(year, month - 1, day, hour - offset, minute)).toISOString()
}

/** System timestamps (`_createdAt`, `_updatedAt`) are stored without milliseconds. */
export function system(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, 'Z')
}

/** Shifts an ISO timestamp by whole hours (negative = earlier). */
export function shiftHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3_600_000).toISOString()
}
