import { describe, expect, it } from 'vitest'
import { checkHelloAssoUrl, isHelloAssoUrl } from '../../shared/helloasso'

describe('HelloAsso URL rule', () => {
  it.each([
    'https://www.helloasso.com/associations/gpm/adhesions/adhesion-2027',
    'https://www.helloasso.com/associations/gpm/evenements/psc1-2027-03',
    'https://www.helloasso.com/associations/gpm/adhesions/adhesion-2027/widget',
    'https://www.helloasso.com/associations/gpm/formulaires/1?utm_source=site',
    '  https://www.helloasso.com/associations/gpm/evenements/x  ',
  ])('accepts %s', (url) => {
    expect(checkHelloAssoUrl(url)).toMatchObject({ ok: true, organization: 'gpm', sandbox: false })
  })

  it.each([
    ['http://www.helloasso.com/associations/gpm/adhesions/a', 'https://'],
    ['https://helloasso.com/associations/gpm/adhesions/a', 'www.helloasso.com'],
    ['https://www.helloasso.com.evil.fr/associations/gpm/adhesions/a', 'www.helloasso.com'],
    ['https://evil.fr/?u=https://www.helloasso.com/associations/gpm/a', 'www.helloasso.com'],
    ['https://www.helloasso.com/associations/', '/associations/'],
    ['https://www.helloasso.com/associations/gpm', 'formulaire'],
    ['https://www.helloasso.com/associations/gpm/', 'formulaire'],
    ['https://www.helloasso.com/e/gpm/adhesions/a', '/associations/'],
    ['https://www.helloasso.com/associations/GPM_x/adhesions/a', '/associations/'],
    ['https://user:pw@www.helloasso.com/associations/gpm/adhesions/a', 'identifiant'],
    ['https://www.helloasso.com:8443/associations/gpm/adhesions/a', 'port'],
    ['javascript:alert(1)', 'https://'],
    ['//www.helloasso.com/associations/gpm/adhesions/a', 'URL complète'],
    ['', 'manquante'],
  ])('refuses %s', (url, reason) => {
    const check = checkHelloAssoUrl(url)
    expect(check.ok).toBe(false)
    expect(check.ok ? '' : check.reason).toContain(reason)
  })

  it.each([null, undefined, 42, {}])('refuses a non-string value (%s)', (value) => {
    expect(isHelloAssoUrl(value)).toBe(false)
  })

  it('accepts the sandbox host only when allowed (outside production)', () => {
    const sandbox = 'https://www.helloasso-sandbox.com/associations/gpm/adhesions/test'
    expect(checkHelloAssoUrl(sandbox)).toMatchObject({ ok: false })
    expect(checkHelloAssoUrl(sandbox, { allowSandbox: false }).ok ? '' : (checkHelloAssoUrl(sandbox) as { reason: string }).reason).toContain('production')
    expect(checkHelloAssoUrl(sandbox, { allowSandbox: true })).toMatchObject({ ok: true, sandbox: true })
  })

  it('restricts to one organisation when asked', () => {
    const url = 'https://www.helloasso.com/associations/autre-asso/adhesions/a'
    expect(checkHelloAssoUrl(url).ok).toBe(true)
    expect(checkHelloAssoUrl(url, { organization: 'gpm' })).toMatchObject({ ok: false })
  })
})
