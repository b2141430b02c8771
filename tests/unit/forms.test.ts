import { describe, expect, it } from 'vitest'
import { contactSchema, echoedValues, formTimestamp, MIN_FILL_SECONDS, newsletterSchema, safeReturnPath, spamReason, tokenSchema } from '../../shared/forms'

const valid = { name: 'Ada Lovelace', email: 'ada@example.org', message: 'Bonjour, une question sur la formation.' }

function firstMessages(result: ReturnType<typeof contactSchema.safeParse>) {
  return result.success ? {} : Object.fromEntries(result.error.issues.map(issue => [issue.path.join('.'), issue.message]))
}

describe('contact form rules', () => {
  it('accepts a complete message and trims it', () => {
    const parsed = contactSchema.parse({ ...valid, name: '  Ada Lovelace ', subject: 'Formations' })
    expect(parsed.name).toBe('Ada Lovelace')
    expect(parsed.subject).toBe('Formations')
  })

  it.each([
    ['name', { ...valid, name: '   ' }, 'Indiquez votre nom.'],
    ['name', { ...valid, name: 'x'.repeat(121) }, 'Votre nom ne doit pas dépasser 120 caractères.'],
    ['email', { ...valid, email: '' }, 'Indiquez votre adresse e-mail.'],
    ['email', { ...valid, email: 'ada@' }, 'Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).'],
    ['email', { ...valid, email: `${'a'.repeat(250)}@b.fr` }, 'Cette adresse e-mail est trop longue.'],
    ['message', { ...valid, message: 'Court' }, 'Votre message est trop court (10 caractères au moins).'],
    ['message', { ...valid, message: 'x'.repeat(5001) }, 'Votre message ne doit pas dépasser 5 000 caractères.'],
    ['message', { name: 'Ada', email: 'ada@example.org' }, 'Écrivez votre message.'],
  ])('refuses a bad %s with a French message', (field, input, message) => {
    expect(firstMessages(contactSchema.safeParse(input))[field]).toBe(message)
  })

  it.each([
    ['/a-propos', '/a-propos'],
    ['https://evil.example/', undefined],
    ['//evil.example/', undefined],
    ['/\\evil.example', undefined],
  ])('keeps the source path %s only when local', (source, expected) => {
    expect(contactSchema.parse({ ...valid, source }).source).toBe(expected)
  })
})

describe('newsletter and token rules', () => {
  it('needs a valid address', () => {
    expect(newsletterSchema.safeParse({ email: 'lecteur@example.org' }).success).toBe(true)
    expect(newsletterSchema.safeParse({ email: 'lecteur' }).success).toBe(false)
  })

  it.each([
    ['a'.repeat(43), true],
    ['short', false],
    ['a'.repeat(42) + '!', false],
    [undefined, false],
  ])('token %s accepted: %s', (token, ok) => {
    expect(tokenSchema.safeParse({ token }).success).toBe(ok)
  })
})

describe('spam signals', () => {
  const now = Date.UTC(2026, 10, 21, 12)
  it.each([
    [{ t: formTimestamp(now - 60_000) }, undefined],
    [{ t: formTimestamp(now - MIN_FILL_SECONDS * 1000) }, undefined],
    [{ t: formTimestamp(now - 1000) }, 'too_fast'],
    [{ website: 'http://spam.example', t: formTimestamp(now - 60_000) }, 'honeypot'],
    [{}, 'no_timestamp'],
    [{ t: 'not base 36!' }, 'no_timestamp'],
    [{ t: formTimestamp(now + 3_600_000) }, 'no_timestamp'],
  ])('%o → %s', (input, reason) => {
    expect(spamReason(input, now)).toBe(reason)
  })
})

describe('re-shown values', () => {
  it('keeps what the visitor typed, never the trap, the timestamp or a token', () => {
    expect(echoedValues({ name: 'Ada', website: 'x', t: 'abc', token: 'secret', count: 3 })).toEqual({ name: 'Ada' })
  })

  it.each([['/ok', '/ok'], ['http://x', undefined], ['//x', undefined], [42, undefined]])('return path %s → %s', (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected)
  })
})
