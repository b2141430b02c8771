/**
 * The visitor forms' fields and rules, with the French messages shown next to
 * each field. One definition for the server (API and no-JavaScript posts) and
 * the pages that re-show a form with its errors.
 */
import { z } from 'zod'

/** Seconds a human needs at least between seeing a form and sending it. */
export const MIN_FILL_SECONDS = 3

const email = z.string({ error: 'Indiquez votre adresse e-mail.' })
  .trim()
  .min(1, { error: 'Indiquez votre adresse e-mail.' })
  .max(254, { error: 'Cette adresse e-mail est trop longue.' })
  .pipe(z.email({ error: 'Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).' }))

/** A local path the visitor came from: never an absolute URL (no open redirect). */
const sourcePath = z.string().trim().max(500)
  .refine(path => path === '' || (path.startsWith('/') && !path.startsWith('//') && !path.includes('\\')))
  .optional()
  .catch(undefined)

/** Anti-spam fields: a hidden trap field and the time the form was rendered (ms since epoch, base 36). */
const spamFields = {
  website: z.string().max(500).optional().catch('filled'),
  t: z.string().max(20).optional().catch(undefined),
}

export const contactSchema = z.object({
  name: z.string({ error: 'Indiquez votre nom.' }).trim()
    .min(1, { error: 'Indiquez votre nom.' })
    .max(120, { error: 'Votre nom ne doit pas dépasser 120 caractères.' }),
  email,
  subject: z.string().trim().max(200, { error: 'Le sujet ne doit pas dépasser 200 caractères.' }).optional(),
  message: z.string({ error: 'Écrivez votre message.' }).trim()
    .min(10, { error: 'Votre message est trop court (10 caractères au moins).' })
    .max(5000, { error: 'Votre message ne doit pas dépasser 5 000 caractères.' }),
  source: sourcePath,
  block: z.string().max(64).regex(/^[\w-]*$/).optional().catch(undefined),
  ...spamFields,
})

export const newsletterSchema = z.object({
  email,
  source: sourcePath,
  ...spamFields,
})

export const tokenSchema = z.object({
  token: z.string({ error: 'Lien incomplet.' }).regex(/^[A-Za-z0-9_-]{32,64}$/, { error: 'Ce lien n’est pas valide.' }),
})

export type ContactInput = z.infer<typeof contactSchema>
export type NewsletterInput = z.infer<typeof newsletterSchema>

/** What a visitor typed, kept to re-show the form after an error. */
export type FormValues = Record<string, string>

/** Field → French message. */
export type FormErrors = Record<string, string>

/** Before any form of this site was rendered: older timestamps are forged. */
const EARLIEST_TIMESTAMP = Date.UTC(2026, 0, 1)

/** Timestamp rendered into a form (`t`), base 36. */
export function formTimestamp(now = Date.now()): string {
  return now.toString(36)
}

/**
 * Why a submission looks automated, or undefined: the hidden field was filled,
 * or the form came back faster than a person can type. A missing or
 * unreadable timestamp counts as automated: every form the site renders has one.
 */
export function spamReason(input: { website?: string, t?: string }, now = Date.now()): 'honeypot' | 'too_fast' | 'no_timestamp' | undefined {
  if (input.website) return 'honeypot'
  const rendered = input.t && /^[0-9a-z]{6,12}$/.test(input.t) ? Number.parseInt(input.t, 36) : Number.NaN
  if (!Number.isFinite(rendered) || rendered < EARLIEST_TIMESTAMP || rendered > now + 60_000) return 'no_timestamp'
  if (now - rendered < MIN_FILL_SECONDS * 1000) return 'too_fast'
  return undefined
}

/** A form post that failed, kept on the request so the page can show it again. */
export interface VisitorFormState {
  status: number
  detail: string
  errors: FormErrors
  values: FormValues
}

/** Fields never echoed back into a re-shown form. */
const NOT_ECHOED = new Set(['website', 't', 'token'])

export function echoedValues(fields: Record<string, unknown>): FormValues {
  const values: FormValues = {}
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && !NOT_ECHOED.has(key)) values[key] = value.slice(0, 5000)
  }
  return values
}

/** A local path to return to after a form, or undefined (never an external URL). */
export function safeReturnPath(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') && value.length <= 500 ? value : undefined
}
