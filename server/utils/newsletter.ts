import { randomBytes } from 'node:crypto'
import type { H3Event } from 'h3'
import { newsletterSchema, spamReason, tokenSchema } from '#shared/forms'

/** How soon the same address may be sent another confirmation e-mail. */
const RESEND_AFTER_MINUTES = 10

function newToken() {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

interface SubscriptionRow {
  id: string
  status: 'pending' | 'confirmed' | 'unsubscribed'
  recently_sent: boolean
}

/**
 * Double opt-in, step 1. The answer is the same whatever the address's state
 * (no way to learn who is subscribed); a confirmation e-mail leaves only when
 * it can change something and not more than once per 10 minutes. Automated
 * posts (trap field, too fast) are dropped: storing them would let a bot
 * mail-bomb any address.
 */
export async function subscribe(event: H3Event, fields: Record<string, unknown>): Promise<{ queued: boolean }> {
  const input = newsletterSchema.parse(fields)
  if (spamReason(input)) return { queued: false }
  const db = await databaseOrUnavailable()
  const origin = siteOrigin(event)
  const confirm = newToken()
  const queued = await db.as({ role: 'service_role' }, async (tx) => {
    const [existing] = await tx.query<SubscriptionRow>(`
      select id, status, updated_at > now() - make_interval(mins => $2::int) as recently_sent
      from public.newsletter_subscriptions where lower(email) = lower($1) for update`, [input.email, RESEND_AFTER_MINUTES])
    if (existing?.status === 'confirmed') return false
    if (existing?.status === 'pending' && existing.recently_sent) return false
    if (existing) {
      await tx.query(`
        update public.newsletter_subscriptions
        set status = 'pending', confirm_token_hash = $2, unsubscribe_token_hash = null, unsubscribed_at = null, confirmed_at = null, source_path = coalesce($3, source_path)
        where id = $1`, [existing.id, confirm.hash, input.source || null])
    }
    else {
      await tx.query(`
        insert into public.newsletter_subscriptions (email, status, confirm_token_hash, source_path, consent_text)
        values ($1, 'pending', $2, $3, $4)`, [input.email, confirm.hash, input.source || null, CONSENT_TEXT])
    }
    await enqueue(tx, { kind: 'email', payload: {
      to: input.email,
      subject: 'Confirmez votre inscription à la lettre d’information de GPM',
      text: [
        'Bonjour,',
        '',
        'Vous avez demandé à recevoir la lettre d’information de GPM. Pour confirmer votre inscription, ouvrez ce lien :',
        '',
        `${origin}/lettre/confirmer?jeton=${confirm.token}`,
        '',
        'Si vous n’êtes pas à l’origine de cette demande, ignorez simplement cet e-mail : vous ne recevrez rien.',
        '',
        'L’équipe GPM',
      ].join('\n'),
    } })
    return true
  }).catch(unavailable)
  if (queued) kickOutbox()
  return { queued }
}

const CONSENT_TEXT = 'J’accepte de recevoir la lettre d’information de GPM et peux me désinscrire à tout moment.'

export type TokenOutcome = 'done' | 'invalid'

/**
 * Double opt-in, step 2: the link's token is single-use (its hash is cleared).
 * A welcome e-mail carries the unsubscribe link (also as List-Unsubscribe, RFC 8058).
 */
export async function confirmSubscription(event: H3Event, fields: Record<string, unknown>): Promise<TokenOutcome> {
  const { token } = tokenSchema.parse(fields)
  const db = await databaseOrUnavailable()
  const origin = siteOrigin(event)
  const unsubscribe = newToken()
  const confirmed = await db.as({ role: 'service_role' }, async (tx) => {
    const [row] = await tx.query<{ email: string }>(`
      update public.newsletter_subscriptions
      set status = 'confirmed', confirmed_at = now(), confirm_token_hash = null, unsubscribe_token_hash = $2
      where confirm_token_hash = $1 and status = 'pending'
      returning email`, [hashToken(token), unsubscribe.hash])
    if (!row) return false
    const unsubscribeUrl = `${origin}/lettre/desinscription?jeton=${unsubscribe.token}`
    await enqueue(tx, { kind: 'email', payload: {
      to: row.email,
      subject: 'Votre inscription à la lettre d’information de GPM est confirmée',
      text: [
        'Bonjour,',
        '',
        'Votre inscription est confirmée : vous recevrez la lettre d’information de GPM.',
        '',
        `Pour vous désinscrire à tout moment : ${unsubscribeUrl}`,
        '',
        'L’équipe GPM',
      ].join('\n'),
      headers: {
        'List-Unsubscribe': `<${origin}/api/v1/newsletter/unsubscribe?token=${unsubscribe.token}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    } })
    return true
  }).catch(unavailable)
  if (confirmed) kickOutbox()
  return confirmed ? 'done' : 'invalid'
}

/** Unsubscribes with the single-use token of the welcome e-mail. */
export async function unsubscribe(fields: Record<string, unknown>): Promise<TokenOutcome> {
  const { token } = tokenSchema.parse(fields)
  const db = await databaseOrUnavailable()
  const rows = await db.as({ role: 'service_role' }, tx => tx.query(`
    update public.newsletter_subscriptions
    set status = 'unsubscribed', unsubscribed_at = now(), unsubscribe_token_hash = null
    where unsubscribe_token_hash = $1 and status = 'confirmed'
    returning id`, [hashToken(token)])).catch(unavailable)
  return rows.length ? 'done' : 'invalid'
}
