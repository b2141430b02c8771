import { describe, expect, it } from 'vitest'
import { formatDate, formatDateRange, formatLevel, formatPeriod, formatPrice, formatTime } from '../../utils/format'

// Intl writes a narrow no-break space (U+202F) before € and a no-break space in thousands.
const normalise = (text: string) => text.replace(/[\u202F\u00A0]/g, ' ')

describe('fr-FR formatting', () => {
  it.each([
    [0, 'Gratuit'],
    [120, '120 €'],
    [12.5, '12,50 €'],
    [1500, '1 500 €'],
  ])('formats the price %s as %s', (amount, expected) => {
    expect(normalise(formatPrice(amount))).toBe(expected)
  })

  it.each([null, undefined, Number.NaN])('formats a missing price (%s) as nothing', (amount) => {
    expect(formatPrice(amount)).toBe('')
  })

  it('formats dates in French, in Paris time', () => {
    expect(formatDate('2027-03-12T08:30:00Z')).toBe('12 mars 2027')
    // 23:30 UTC on 31 December is already New Year's Day in Paris.
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('1 janvier 2027')
    expect(formatTime('2027-03-12T08:30:00Z')).toBe('09:30')
  })

  it.each([
    ['2027-03-12T08:30:00Z', '2027-03-12T16:00:00Z', '12 mars 2027, 09:30 – 17:00'],
    ['2027-03-12T08:30:00Z', '2027-03-14T16:00:00Z', 'du 12 mars au 14 mars 2027'],
    ['2027-12-30T08:30:00Z', '2028-01-02T16:00:00Z', 'du 30 décembre 2027 au 2 janvier 2028'],
    ['2027-03-12T08:30:00Z', null, '12 mars 2027, 09:30'],
  ])('formats the range %s → %s', (start, end, expected) => {
    expect(formatDateRange(start, end)).toBe(expected)
  })

  it('ignores invalid dates instead of printing "Invalid Date"', () => {
    expect(formatDate('pas une date')).toBe('')
    expect(formatDateRange('pas une date', null)).toBe('')
  })

  it('labels levels and periods in French', () => {
    expect(formatLevel('intermediaire')).toBe('Intermédiaire')
    expect(formatLevel('inconnu')).toBe('')
    expect(formatPeriod('annuelle')).toBe('par an')
  })
})
