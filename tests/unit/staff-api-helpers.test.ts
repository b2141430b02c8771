import { describe, expect, it } from 'vitest'
import { adminReturnPath } from '../../server/utils/admin-forms'
import { assertLocalSignInAllowed } from '../../server/utils/auth'
import { csvCell, csvDate, toCsv } from '../../server/utils/csv'
import { pageWindow, paginationQuery } from '../../server/utils/pagination'
import { parseRecordId } from '../../server/utils/staff-access'

describe('CSV for Excel in French', () => {
  it.each([
    ['plain text', 'Bonjour', 'Bonjour'],
    ['a semicolon (the separator)', 'a;b', '"a;b"'],
    ['quotes', 'dit "oui"', '"dit ""oui"""'],
    ['a line break', 'ligne 1\nligne 2', '"ligne 1\nligne 2"'],
    ['a formula', '=1+1', '\'=1+1'],
    ['a formula with a separator', '=HYPERLINK("x";"y")', '"\'=HYPERLINK(""x"";""y"")"'],
    ['a leading plus', '+33 6 12 34 56 78', '\'+33 6 12 34 56 78'],
    ['a leading minus', '-2+3', '\'-2+3'],
    ['a leading at sign', '@SUM(A1)', '\'@SUM(A1)'],
    ['a leading tab', '\t=1', '\'\t=1'],
    ['a leading carriage return', '\r=1', '"\'\r=1"'],
    ['an inner equals sign', 'a=b', 'a=b'],
    ['null', null, ''],
    ['a number', 42, '42'],
    ['a negative number (a value, not text)', -3, '-3'],
  ])('%s', (_, value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })

  it('starts with a BOM, separates with semicolons, ends lines with CRLF', () => {
    expect(toCsv(['Nom', 'E-mail'], [['Zoé', 'zoe@example.org'], ['Léo', null]]))
      .toBe('\uFEFFNom;E-mail\r\nZoé;zoe@example.org\r\nLéo;\r\n')
  })

  it('writes dates in Paris time, as French Excel reads them', () => {
    expect(csvDate(new Date('2026-07-14T08:30:00Z'))).toBe('2026-07-14 10:30')
    expect(csvDate(new Date('2026-12-24T23:15:00Z'))).toBe('2026-12-25 00:15')
  })
})

describe('pagination', () => {
  it.each([
    [{}, { page: 1, page_size: 20 }],
    [{ page: '3', page_size: '50' }, { page: 3, page_size: 50 }],
    [{ page: '1', page_size: '100' }, { page: 1, page_size: 100 }],
  ])('%j → %j', (query, expected) => {
    expect(paginationQuery.parse(query)).toEqual(expected)
  })

  it.each([
    [{ page: '0' }, 'page'],
    [{ page: '-1' }, 'page'],
    [{ page: '1.5' }, 'page'],
    [{ page: 'deux' }, 'page'],
    [{ page: ['1', '2'] }, 'page'],
    [{ page_size: '0' }, 'page_size'],
    [{ page_size: '101' }, 'page_size'],
  ])('%j is refused (field %s)', (query, field) => {
    const result = paginationQuery.safeParse(query)
    expect(result.success).toBe(false)
    expect(result.error!.issues[0]!.path).toEqual([field])
  })

  it('turns a page into LIMIT and OFFSET', () => {
    expect(pageWindow({ page: 1, page_size: 20 })).toEqual({ limit: 20, offset: 0 })
    expect(pageWindow({ page: 4, page_size: 25 })).toEqual({ limit: 25, offset: 75 })
  })
})

describe('record ids in routes', () => {
  it('accepts a UUID in any case', () => {
    expect(parseRecordId('5F0C6A4E-9A43-4C39-8F7E-2A1B3C4D5E6F')).toBe('5f0c6a4e-9a43-4c39-8f7e-2a1b3c4d5e6f')
  })

  it.each([undefined, '', '42', 'export.csv', '5f0c6a4e-9a43-4c39-8f7e-2a1b3c4d5e6f\' or 1=1'])('%j is an unknown id: 404', (raw) => {
    expect(() => parseRecordId(raw)).toThrowError(expect.objectContaining({ statusCode: 404, data: expect.objectContaining({ code: 'not_found' }) }))
  })
})

describe('back-office redirects stay in the back office', () => {
  it.each([
    ['/admin/messages?statut=new&page=2', '/admin/messages?statut=new&page=2'],
    ['/admin', '/admin'],
    ['//evil.example/admin', '/admin/x'],
    ['https://evil.example/admin', '/admin/x'],
    ['/admin/../../evil', '/admin/x'],
    ['/administrator', '/admin/x'],
    ['/admin\\@evil.example', '/admin/x'],
    ['/admin//evil.example', '/admin/x'],
    ['', '/admin/x'],
  ])('%j → %j', (value, expected) => {
    expect(adminReturnPath(value, '/admin/x')).toBe(expected)
  })
})

describe('the local sign-in', () => {
  it('is refused when NODE_ENV is production', () => {
    expect(() => assertLocalSignInAllowed('production')).toThrowError(expect.objectContaining({
      statusCode: 503,
      data: expect.objectContaining({ code: 'local_sign_in_disabled', detail: expect.stringContaining('Supabase') }),
    }))
  })

  it.each([undefined, 'development', 'test'])('runs when NODE_ENV is %s', (nodeEnv) => {
    expect(() => assertLocalSignInAllowed(nodeEnv)).not.toThrow()
  })
})
