import { describe, expect, it } from 'vitest'
import { documentPath, resolveLink, safeHref } from '../../shared/routes'

describe('document routes', () => {
  it.each([
    ['home', null, '/'],
    ['page', 'a-propos', '/a-propos'],
    ['page', 'association/equipe', '/association/equipe'],
    ['formation', 'psc1', '/formations/psc1'],
    ['post', 'assemblee-generale', '/actualites/assemblee-generale'],
    ['membership', 'x', undefined],
    ['page', null, undefined],
  ])('%s %s → %s', (type, slug, expected) => {
    expect(documentPath(type, slug)).toBe(expected)
  })
})

describe('link fields', () => {
  it.each([
    [{ label: 'Formations', linkType: 'path', path: '/formations' }, { href: '/formations', external: false }],
    [{ label: 'Équipe', linkType: 'internal', internal: { _type: 'page', slug: 'association/equipe' } }, { href: '/association/equipe', external: false }],
    [{ label: 'Site', linkType: 'external', url: 'https://example.org/' }, { href: 'https://example.org/', external: true }],
    [{ label: 'Écrire', linkType: 'external', url: 'mailto:contact@gpm.fr' }, { href: 'mailto:contact@gpm.fr', external: true }],
  ])('resolves %j', (link, expected) => {
    expect(resolveLink(link)).toMatchObject({ ...expected, label: link.label })
  })

  it.each([
    [{ linkType: 'internal', internal: null }],
    [{ linkType: 'path', path: 'formations' }],
    [{ linkType: 'path', path: '//evil.example/' }],
    [{ linkType: 'external', url: 'javascript:alert(1)' }],
    [{ linkType: 'external', url: 'http://insecure.example/' }],
    [{ linkType: 'external' }],
  ])('drops a link that points nowhere safe: %j', (link) => {
    expect(resolveLink(link)).toBeUndefined()
  })
})

describe('hrefs taken from content', () => {
  it.each([
    'https://www.facebook.com/gpm',
    'mailto:contact@gpm.fr',
    'tel:+33465712045',
    '/formations',
    '/association/equipe?x=1',
  ])('keeps %s', (href) => {
    expect(safeHref(href)).toBe(href)
  })

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'http://insecure.example/',
    '//evil.example/',
    '/\\evil.example/',
    'data:text/html,<script>alert(1)</script>',
    'formations',
    '',
    null,
    undefined,
  ])('drops %j', (href) => {
    expect(safeHref(href)).toBeUndefined()
  })
})
