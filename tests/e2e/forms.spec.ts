/**
 * The visitor forms end to end, in Chromium, against the production server on
 * the real PostgreSQL (through a TCP proxy the test can cut) and a real SMTP
 * server (smtp-server) that starts only after the first message was sent:
 * nothing a visitor sends is lost, and mail arrives once SMTP is back.
 */
import { randomBytes } from 'node:crypto'
import { createServer as createTcpServer, connect, type Server as TcpServer, type Socket } from 'node:net'
import { expect, type Page, test } from '@playwright/test'
import { SMTPServer } from 'smtp-server'
import { type Database, openDatabase } from '../../server/database/client'
import { applyMigrations, readMigrationsDir } from '../../server/database/migrations'
import { closedPort, startServer } from './server'

const PORT = 3260
const SERVER_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
const NOTIFY_TO = 'secretariat@gpm.test'

interface ReceivedMail {
  to: string[]
  raw: string
  headers: string
  text: string
}

/** Decodes a quoted-printable body (nodemailer's encoding for French text). */
function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = []
  const joined = body.replace(/=\r?\n/g, '')
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(joined.slice(i + 1, i + 3), 16))
      i += 2
    }
    else bytes.push(...Buffer.from(joined[i]!, 'utf8'))
  }
  return Buffer.from(bytes).toString('utf8')
}

function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n')
  const headers = raw.slice(0, split)
  const body = raw.slice(split + 4)
  const text = /content-transfer-encoding:\s*quoted-printable/i.test(headers) ? decodeQuotedPrintable(body) : body
  return { to, raw, headers, text }
}

/** A TCP proxy to PostgreSQL that the test can cut and restore: a database outage on demand. */
async function startDatabaseProxy(target: URL) {
  const sockets = new Set<Socket>()
  let server: TcpServer | undefined
  const port = await closedPort()
  const open = () => new Promise<void>((resolve) => {
    server = createTcpServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname)
      sockets.add(client).add(upstream)
      client.pipe(upstream).pipe(client)
      const drop = () => {
        client.destroy()
        upstream.destroy()
        sockets.delete(client)
        sockets.delete(upstream)
      }
      client.on('error', drop).on('close', drop)
      upstream.on('error', drop).on('close', drop)
    })
    server.listen(port, '127.0.0.1', resolve)
  })
  const cut = () => new Promise<void>((resolve) => {
    for (const socket of sockets) socket.destroy()
    sockets.clear()
    if (server) server.close(() => resolve())
    else resolve()
    server = undefined
  })
  await open()
  return { port, cut, restore: open }
}

test.describe.configure({ mode: 'serial' })

let db: Database
let databaseName: string
let proxy: Awaited<ReturnType<typeof startDatabaseProxy>>
let site: Awaited<ReturnType<typeof startServer>>
let smtpPort: number
let smtp: SMTPServer | undefined
const mails: ReceivedMail[] = []

test.beforeAll(async () => {
  databaseName = `gpm_e2e_forms_${randomBytes(5).toString('hex')}`
  const admin = await openDatabase({ url: SERVER_URL, maxConnections: 1 })
  await admin.exec(`create database ${databaseName}`)
  await admin.close()
  const url = new URL(SERVER_URL)
  url.pathname = `/${databaseName}`
  db = await openDatabase({ url: url.toString(), maxConnections: 2 })
  await applyMigrations(db, readMigrationsDir('supabase/migrations'))
  proxy = await startDatabaseProxy(url)
  const proxied = new URL(url)
  proxied.host = `127.0.0.1:${proxy.port}`
  // Nothing listens here until a test starts the SMTP server: the first mails must wait in the outbox.
  smtpPort = await closedPort()
  site = await startServer(PORT, {
    NUXT_PUBLIC_SITE_URL: `http://127.0.0.1:${PORT}`,
    NUXT_PUBLIC_SITE_ENV: 'test',
    DATABASE_URL: proxied.toString(),
    NUXT_MAIL_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    NUXT_MAIL_FROM: 'GPM <ne-pas-repondre@gpm.test>',
    NUXT_MAIL_NOTIFY_TO: NOTIFY_TO,
    NUXT_OUTBOX_POLL_SECONDS: '1',
    NUXT_OUTBOX_RETRY_BASE_SECONDS: '1',
    NUXT_FORMS_RATE_LIMIT: '30',
  })
})

test.afterAll(async () => {
  site?.stop()
  await new Promise<void>(resolve => smtp ? smtp.close(() => resolve()) : resolve())
  await proxy?.cut()
  await db?.close()
  const admin = await openDatabase({ url: SERVER_URL, maxConnections: 1 })
  await admin.exec(`drop database if exists ${databaseName} with (force)`)
  await admin.close()
})

function startSmtp() {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        mails.push(parseMail(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map(rcpt => rcpt.address)))
        callback()
      })
    },
  })
  return new Promise<void>(resolve => smtp!.listen(smtpPort, '127.0.0.1', resolve))
}

async function waitForMail(to: string, matching: (mail: ReceivedMail) => boolean = () => true): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined
  await expect.poll(() => (found = mails.find(mail => mail.to.includes(to) && matching(mail))) !== undefined, { timeout: 30_000, message: `mail to ${to}` }).toBe(true)
  return found!
}

/** Fills and sends the contact form of /contact. */
async function sendContact(page: Page, fields: { name: string, email: string, message: string }) {
  const form = page.locator('form[action="/formulaire/contact"]')
  await form.getByLabel('Nom et prénom').fill(fields.name)
  await form.getByLabel('Adresse e-mail').fill(fields.email)
  await form.getByLabel('Message').fill(fields.message)
  // Minimum fill time: a person takes more than 3 seconds.
  await page.waitForTimeout(3100)
  const response = page.waitForResponse(response => response.request().method() === 'POST')
  await form.getByRole('button', { name: 'Envoyer le message' }).click()
  return response
}

for (const javaScriptEnabled of [false, true]) {
  test(`contact form with JavaScript ${javaScriptEnabled ? 'enabled' : 'disabled'}: errors keep the input, a valid message is stored`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled, baseURL: site.origin })
    const page = await context.newPage()
    await page.goto('/contact')
    const email = `visiteur-${javaScriptEnabled ? 'js' : 'nojs'}@example.org`

    // Accepted by the browser's own check, refused by the server's: the re-shown form says why.
    const refused = await sendContact(page, { name: 'Ada Lovelace', email: 'ada@exemple', message: 'Bonjour, je voudrais des informations.' })
    expect(refused.status()).toBe(422)
    await expect(page.getByRole('alert')).toContainText('Cette adresse e-mail n’est pas valide')
    await expect(page).toHaveTitle(/^Erreur : /)
    await expect(page.getByLabel('Nom et prénom')).toHaveValue('Ada Lovelace')
    await expect(page.getByLabel('Message')).toHaveValue('Bonjour, je voudrais des informations.')
    await expect(page.getByLabel('Adresse e-mail')).toHaveAttribute('aria-invalid', 'true')

    const sent = await sendContact(page, { name: 'Ada Lovelace', email, message: 'Bonjour, je voudrais des informations.' })
    expect(sent.status()).toBe(303)
    await expect(page).toHaveURL(/\/formulaire\/message-envoye\?retour=%2Fcontact$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Merci, votre message a bien été envoyé')
    await page.getByRole('link', { name: 'Revenir à la page précédente' }).click()
    await expect(page).toHaveURL(/\/contact$/)

    const rows = await db.query<{ status: string, page_path: string }>('select status, page_path from form_submissions where email = $1', [email])
    expect(rows).toEqual([{ status: 'new', page_path: '/contact' }])
    await context.close()
  })
}

test('the notification waits in the outbox while SMTP is down, and arrives after a retry', async () => {
  // Both messages above were stored and queued; SMTP has refused them so far.
  await expect.poll(async () => {
    const [row] = await db.query<{ n: string }>('select count(*) as n from outbox where status = \'pending\' and attempts >= 1 and last_error is not null')
    return Number(row!.n)
  }, { timeout: 20_000 }).toBe(2)
  expect(mails).toHaveLength(0)

  await startSmtp()
  const mail = await waitForMail(NOTIFY_TO, candidate => candidate.text.includes('visiteur-nojs@example.org'))
  expect(mail.headers).toMatch(/^Reply-To: visiteur-nojs@example\.org$/im)
  expect(mail.headers).toMatch(/^From: GPM <ne-pas-repondre@gpm\.test>$/im)
  expect(mail.text).toContain('Bonjour, je voudrais des informations.')
  expect(mail.text).toContain('Nouveau message reçu sur le site (page /contact).')
  await expect.poll(async () => (await db.query('select 1 from outbox where status = \'delivered\'')).length, { timeout: 20_000 }).toBe(2)
})

test('newsletter double opt-in: confirmation and unsubscribe links work once', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: site.origin })
  const page = await context.newPage()
  const email = 'lectrice@example.org'
  await page.goto('/')
  const form = page.locator('form[action="/formulaire/lettre"]')
  await form.getByLabel('Adresse e-mail').fill(email)
  await page.waitForTimeout(3100)
  await form.getByRole('button', { name: 'S’inscrire' }).click()
  await expect(page).toHaveURL(/\/formulaire\/inscription-a-confirmer/)
  expect(await db.query('select status from newsletter_subscriptions where email = $1', [email])).toEqual([{ status: 'pending' }])

  const confirmation = await waitForMail(email, mail => mail.text.includes('/lettre/confirmer?jeton='))
  const confirmLink = /(http:\/\/\S+\/lettre\/confirmer\?jeton=[\w-]+)/.exec(confirmation.text)![1]!
  // Opening the link changes nothing (mail scanners open links); the button does.
  await page.goto(confirmLink)
  expect(await db.query('select status from newsletter_subscriptions where email = $1', [email])).toEqual([{ status: 'pending' }])
  await page.getByRole('button', { name: 'Je confirme mon inscription' }).click()
  await expect(page).toHaveURL(/\/lettre\/confirmee$/)
  expect(await db.query('select status from newsletter_subscriptions where email = $1', [email])).toEqual([{ status: 'confirmed' }])

  await page.goto(confirmLink)
  const reused = page.waitForResponse(response => response.request().method() === 'POST')
  await page.getByRole('button', { name: 'Je confirme mon inscription' }).click()
  expect((await reused).status()).toBe(410)
  await expect(page.getByRole('alert')).toContainText('déjà servi')

  const welcome = await waitForMail(email, mail => mail.text.includes('/lettre/desinscription?jeton='))
  expect(welcome.headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/im)
  const unsubscribeLink = /(http:\/\/\S+\/lettre\/desinscription\?jeton=[\w-]+)/.exec(welcome.text)![1]!
  await page.goto(unsubscribeLink)
  await page.getByRole('button', { name: 'Me désinscrire' }).click()
  await expect(page).toHaveURL(/\/lettre\/desinscrit$/)
  expect(await db.query('select status from newsletter_subscriptions where email = $1', [email])).toEqual([{ status: 'unsubscribed' }])
  await page.goto(unsubscribeLink)
  await page.getByRole('button', { name: 'Me désinscrire' }).click()
  await expect(page.getByRole('alert')).toContainText('déjà servi')
  await context.close()
})

test('a database outage: 503 with the input kept, pages still served, nothing stored before is lost', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: site.origin })
  const page = await context.newPage()
  await page.goto('/contact')
  const [before] = await db.query<{ n: string }>('select count(*) as n from form_submissions')

  await proxy.cut()
  const failed = await sendContact(page, { name: 'Grace Hopper', email: 'grace@example.org', message: 'Message écrit pendant la panne.' })
  expect(failed.status()).toBe(503)
  await expect(page.getByRole('alert')).toContainText('momentanément indisponible')
  await expect(page.getByLabel('Message')).toHaveValue('Message écrit pendant la panne.')
  // Content pages do not need the database.
  expect((await page.request.get('/a-propos')).status()).toBe(200)

  await proxy.restore()
  const retried = await sendContact(page, { name: 'Grace Hopper', email: 'grace@example.org', message: 'Message écrit pendant la panne.' })
  expect(retried.status()).toBe(303)
  const [after] = await db.query<{ n: string }>('select count(*) as n from form_submissions')
  expect(Number(after!.n)).toBe(Number(before!.n) + 1)
  await context.close()
})

test('the JSON API answers { detail, code, fields } and rate-limits', async ({ request }) => {
  const invalid = await request.post(`${site.origin}/api/v1/contact`, { data: { name: '', email: 'x' } })
  expect(invalid.status()).toBe(422)
  expect(await invalid.json()).toEqual({
    detail: 'Certains champs sont invalides.',
    code: 'validation_failed',
    fields: {
      name: 'Indiquez votre nom.',
      email: 'Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).',
      message: 'Écrivez votre message.',
    },
  })
  const unsupported = await request.post(`${site.origin}/api/v1/contact`, { headers: { 'content-type': 'text/plain' }, data: 'bonjour' })
  expect(unsupported.status()).toBe(415)
  expect((await unsupported.json()).code).toBe('unsupported_media_type')

  const statuses: number[] = []
  for (let i = 0; i < 40 && !statuses.includes(429); i++) {
    statuses.push((await request.post(`${site.origin}/api/v1/newsletter`, { data: { email: 'meme@example.org', t: (Date.now() - 10_000).toString(36) } })).status())
  }
  expect(statuses[0]).toBe(202)
  expect(statuses.at(-1)).toBe(429)
  const limited = await request.post(`${site.origin}/api/v1/newsletter`, { data: { email: 'meme@example.org' } })
  expect(limited.headers()['retry-after']).toMatch(/^\d+$/)
  expect((await limited.json()).code).toBe('rate_limited')
})
