/** fr-FR formatting for dates, times and prices, in the association's time zone. */
const TIME_ZONE = 'Europe/Paris'

const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE })
const dayMonthFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', timeZone: TIME_ZONE })
const timeFormat = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE })
const wholeEuros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })
const euroCents = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 })

function toDate(value: string | Date | null | undefined): Date | undefined {
  if (!value) return undefined
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** « 12 mars 2027 » */
export function formatDate(value: string | Date | null | undefined): string {
  const date = toDate(value)
  return date ? dateFormat.format(date) : ''
}

/** « 09:30 » */
export function formatTime(value: string | Date | null | undefined): string {
  const date = toDate(value)
  return date ? timeFormat.format(date) : ''
}

const sameDay = (a: Date, b: Date) => dateFormat.format(a) === dateFormat.format(b)
const sameYear = (a: Date, b: Date) => a.toLocaleString('fr-FR', { year: 'numeric', timeZone: TIME_ZONE }) === b.toLocaleString('fr-FR', { year: 'numeric', timeZone: TIME_ZONE })

/** « 12 mars 2027, 09:30 – 17:00 » or « du 12 mars au 14 mars 2027 » */
export function formatDateRange(startValue: string | null | undefined, endValue: string | null | undefined): string {
  const start = toDate(startValue)
  const end = toDate(endValue)
  if (!start) return ''
  if (!end || end < start) return `${formatDate(start)}, ${formatTime(start)}`
  if (sameDay(start, end)) return `${formatDate(start)}, ${formatTime(start)} – ${formatTime(end)}`
  const from = sameYear(start, end) ? dayMonthFormat.format(start) : formatDate(start)
  return `du ${from} au ${formatDate(end)}`
}

/** « 120 € », « 12,50 € », « Gratuit » */
export function formatPrice(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return ''
  if (amount === 0) return 'Gratuit'
  // Intl uses a narrow no-break space before €; keep it, it is the French norm.
  return Number.isInteger(amount) ? wholeEuros.format(amount) : euroCents.format(amount)
}

const PERIOD_LABELS: Record<string, string> = { annuelle: 'par an', mensuelle: 'par mois', unique: 'en une fois' }
export function formatPeriod(period: string | null | undefined): string {
  return period ? PERIOD_LABELS[period] ?? '' : ''
}

const LEVEL_LABELS: Record<string, string> = { debutant: 'Débutant', intermediaire: 'Intermédiaire', avance: 'Avancé', tous: 'Tous niveaux' }
export function formatLevel(level: string | null | undefined): string {
  return level ? LEVEL_LABELS[level] ?? '' : ''
}
