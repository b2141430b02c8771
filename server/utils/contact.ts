import type { H3Event } from 'h3'
import { type ContactInput, contactSchema, spamReason } from '#shared/forms'

export interface ContactResult {
  id: string
  /** Stored, but not forwarded to the association: it looked automated. */
  spam: boolean
}

/**
 * Stores a contact message first, with its notification to the association
 * queued in the same transaction; the outbox sends it. A database failure
 * answers 503: nothing was accepted, and the visitor is told so.
 */
export async function submitContact(event: H3Event, fields: Record<string, unknown>): Promise<ContactResult> {
  const input = contactSchema.parse(fields)
  const reason = spamReason(input)
  const db = await databaseOrUnavailable()
  const metadata = { ...visitorMetadata(event), ...(reason && { spamReason: reason }) }
  const origin = siteOrigin(event)
  const id = await db.as({ role: 'service_role' }, async (tx) => {
    const [row] = await tx.query<{ id: string }>(`
      insert into public.form_submissions (form, name, email, subject, message, page_path, status, metadata)
      values ('contact', $1, $2, $3, $4, $5, $6, $7) returning id`,
    [input.name, input.email, input.subject || null, input.message, input.source || null, reason ? 'spam' : 'new', JSON.stringify(metadata)])
    if (!reason) await enqueue(tx, { kind: 'email', payload: await contactNotification(event, row!.id, input, origin) })
    return row!.id
  }).catch(unavailable)
  if (!reason) kickOutbox()
  return { id, spam: Boolean(reason) }
}

async function contactNotification(event: H3Event, id: string, input: ContactInput, origin: string): Promise<EmailMessage> {
  return {
    to: await associationAddress(event),
    replyTo: input.email,
    subject: `[Site] ${input.subject || 'Nouveau message'} — ${input.name}`,
    text: [
      `Nouveau message reçu sur le site${input.source ? ` (page ${input.source})` : ''}.`,
      '',
      `De : ${input.name} <${input.email}>`,
      input.subject ? `Sujet : ${input.subject}` : undefined,
      '',
      input.message,
      '',
      '—',
      `Répondre : répondez directement à cet e-mail.`,
      `Boîte de réception : ${origin}/admin/messages (message ${id})`,
    ].filter(line => line !== undefined).join('\n'),
  }
}

/** Where notifications go: NUXT_MAIL_NOTIFY_TO, else the contact address in the site settings. */
async function associationAddress(event: H3Event): Promise<string> {
  const configured = useRuntimeConfig().mail.notifyTo
  if (configured) return configured
  const email = await useContentClient(event).fetch<string | null>('*[_id == "siteSettings"][0].contact.email').catch(() => null)
  if (!email) throw apiError(503, 'mail_unconfigured', 'Le formulaire est momentanément indisponible.')
  return email
}
