/** Formatting for list previews (subtitles), in French and Paris time. */

const DATE_FORMAT = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' })

export function formatDate(iso: unknown): string | undefined {
  if (typeof iso !== 'string') {
    return undefined
  }
  const time = Date.parse(iso)
  return Number.isNaN(time) ? undefined : DATE_FORMAT.format(time)
}

export function formatEuros(amount: unknown): string | undefined {
  if (typeof amount !== 'number') {
    return undefined
  }
  if (amount === 0) {
    return 'Gratuit'
  }
  return new Intl.NumberFormat('fr-FR', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount)
}

/** « aucune question », « 1 question », « 3 questions ». */
export function countLabel(items: unknown, words: { none: string, one: string, many: string }): string {
  const count = Array.isArray(items) ? items.length : 0
  if (count === 0) {
    return words.none
  }
  return `${count} ${count === 1 ? words.one : words.many}`
}

/** Joins the defined parts of a subtitle with a middle dot. */
export function subtitle(...parts: Array<string | false | null | undefined>): string | undefined {
  const text = parts.filter(Boolean).join(' · ')
  return text || undefined
}

/** Plain text of the first text block of a Portable Text value. */
export function firstBlockText(blocks: unknown): string | undefined {
  if (!Array.isArray(blocks)) {
    return undefined
  }
  const block = blocks.find(item => item?._type === 'block' && Array.isArray(item.children))
  const text = block?.children
    .map((child: { text?: unknown }) => (typeof child.text === 'string' ? child.text : ''))
    .join('')
    .trim()
  return text || undefined
}

/**
 * Start of the next session to come, or of the last one when all are past.
 * Returns the label and the date, for the formation preview.
 */
export function nextSessionLabel(sessions: unknown, now: number = Date.now()): string {
  const starts = (Array.isArray(sessions) ? sessions : [])
    .map(session => Date.parse(session?.start))
    .filter(time => !Number.isNaN(time))
    .sort((a, b) => a - b)
  if (starts.length === 0) {
    return 'Aucune session'
  }
  const next = starts.find(time => time >= now)
  if (next !== undefined) {
    return `Prochaine session : ${DATE_FORMAT.format(next)}`
  }
  return `Dernière session : ${DATE_FORMAT.format(starts[starts.length - 1]!)}`
}

/** « En relecture », « Approuvé »… for the state stored on the document, first in the subtitle. */
export { workflowPreviewLabel as workflowLabel } from '../../shared/workflow'
