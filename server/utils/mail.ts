import nodemailer, { type Transporter } from 'nodemailer'

/** An e-mail as the outbox stores it (kind 'email'). */
export interface EmailMessage {
  to: string
  subject: string
  text: string
  replyTo?: string
  headers?: Record<string, string>
}

let transport: { url: string, transporter: Transporter } | undefined

/**
 * The SMTP transport from NUXT_MAIL_SMTP_URL (smtp[s]://user:pass@host:port).
 * Undefined when none is configured.
 */
function smtpTransport(): Transporter | undefined {
  const url = useRuntimeConfig().mail.smtpUrl
  if (!url) return undefined
  if (transport?.url !== url) {
    transport?.transporter.close()
    transport = {
      url,
      transporter: nodemailer.createTransport({
        url,
        // Fail fast: the outbox retries later rather than holding a worker.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    }
  }
  return transport.transporter
}

export class MailNotConfiguredError extends Error {
  constructor() {
    super('SMTP is not configured (NUXT_MAIL_SMTP_URL)')
  }
}

/**
 * Sends one message. Without SMTP, outside production the message is written
 * to the server log (the embedded default has no mail server; its links are
 * still usable); in production it throws, so the outbox keeps it for later.
 */
export async function sendEmail(message: EmailMessage): Promise<{ messageId: string }> {
  const config = useRuntimeConfig()
  const transporter = smtpTransport()
  if (!transporter) {
    if (process.env.NODE_ENV === 'production' && config.public.siteEnv === 'production') throw new MailNotConfiguredError()
    console.info(`[mail] SMTP not configured, message logged instead of sent:\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}`)
    return { messageId: 'logged' }
  }
  const info = await transporter.sendMail({
    from: config.mail.from || 'GPM <ne-pas-repondre@gpm.fr>',
    to: message.to,
    replyTo: message.replyTo,
    subject: message.subject,
    text: message.text,
    headers: message.headers,
  })
  return { messageId: info.messageId }
}
