/**
 * CSV for Excel in French: UTF-8 with a byte order mark (without it Excel
 * reads UTF-8 as Windows-1252 and breaks accents), `;` as separator (`,` is
 * the decimal mark in French), CRLF line ends. A cell that starts like a
 * formula is prefixed with an apostrophe: a visitor's message must never run
 * as a formula in a staff member's spreadsheet (CSV injection).
 */
import { type H3Event, setResponseHeaders } from 'h3'

const BOM = '\uFEFF'
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[";\r\n]/

export type CsvValue = string | number | boolean | Date | null | undefined

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  let text = value instanceof Date ? csvDate(value) : String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return BOM + [header, ...rows].map(row => row.map(csvCell).join(';')).join('\r\n') + '\r\n'
}

/** Paris wall-clock time as `2026-11-21 14:05`, which French Excel reads as a date. */
export function csvDate(date: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).format(date)
}

/** Answers a CSV download named `<name>-<YYYY-MM-DD>.csv`; personal data, so never cached. */
export function sendCsv(event: H3Event, csv: string, name: string): string {
  const day = csvDate(new Date()).slice(0, 10)
  setResponseHeaders(event, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}-${day}.csv"`,
    'cache-control': 'private, no-store',
  })
  return csv
}
