import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, type Browser, expect, type Response, test } from '@playwright/test'
import { openDatabase } from '../../server/database/client'
import { applyMigrations, readMigrationsDir } from '../../server/database/migrations'
import { startServer } from './server'

/**
 * The back office in Chromium with JavaScript disabled, against the
 * production server on its own embedded database: a secretariat account made
 * by `npm run db:create-user` signs in, reads the inbox, marks a message
 * handled, exports the CSV and signs out. Then: what the back office refuses,
 * and the local sign-in refused when NODE_ENV is production.
 */
const PORT = 3240
const PRODUCTION_PORT = 3241
const EMAIL = 'secretariat@gpm.test'
const PASSWORD = 'un mot de passe assez long'
const ADMIN_EMAIL = 'admin@gpm.test'
// Made in beforeAll, not at import: Playwright also imports spec files to list their tests.
let dataDir = ''
let site: Awaited<ReturnType<typeof startServer>>

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gpm-e2e-admin-'))
  for (const [email, role] of [[EMAIL, 'secretariat'], [ADMIN_EMAIL, 'admin']]) {
    const created = spawnSync(process.execPath, ['scripts/db/create-user.ts', '--email', email!, '--password', PASSWORD, '--role', role!], {
      env: { ...process.env, NUXT_DATA_DIR: dataDir },
      encoding: 'utf8',
    })
    expect(created.stderr).toBe('')
    expect(created.stdout).toContain(`Created ${email} with role(s) ${role}`)
  }
  // Seeded before the server opens the directory: PGlite serves one process at a time.
  const db = await openDatabase({ dataDir: join(dataDir, 'pglite') })
  try {
    await applyMigrations(db, readMigrationsDir('supabase/migrations'))
    await db.query(`insert into public.form_submissions (name, email, message, created_at) values
      ('Alice Martin', 'alice@example.org', 'Bonjour, une question sur la formation secourisme.', now() - interval '1 hour'),
      ('Bob Formule', 'bob@example.org', '=HYPERLINK("https://evil.example";"clic")', now())`)
    await db.query('insert into public.newsletter_subscriptions (email, status, confirmed_at) values (\'lectrice@example.org\', \'confirmed\', now())')
  }
  finally {
    await db.close()
  }
  site = await startServer(PORT, { NUXT_DATA_DIR: dataDir, NUXT_PUBLIC_SITE_URL: `http://127.0.0.1:${PORT}`, NUXT_PUBLIC_SITE_ENV: 'test', NODE_ENV: 'test' })
})

test.afterAll(() => {
  site?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

function expectPrivate(response: Response | null | { headers(): Record<string, string> }) {
  const headers = response!.headers()
  expect(headers['cache-control']).toBe('private, no-store')
  expect(headers['x-robots-tag']).toContain('noindex')
}

test('without a session, /admin pages redirect to the sign-in form', async ({ request }) => {
  for (const path of ['/admin', '/admin/messages', '/admin/equipe']) {
    const response = await request.get(`${site.origin}${path}`, { maxRedirects: 0 })
    expect(response.status(), path).toBe(302)
    expect(response.headers().location).toBe(`/admin/connexion?suite=${path}`)
    expectPrivate(response)
  }
  const api = await request.get(`${site.origin}/api/v1/submissions`)
  expect(api.status()).toBe(401)
  expect(await api.json()).toEqual({ detail: 'Connexion requise.', code: 'unauthorized' })
})

test('a secretariat member works the inbox without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true })
  const page = await context.newPage()

  // Asked for the inbox, sent to sign in, brought back to the inbox.
  await page.goto(`${site.origin}/admin/messages`)
  await expect(page).toHaveURL(`${site.origin}/admin/connexion?suite=/admin/messages`)
  await expect(page.locator('h1')).toHaveText('Connexion à l’espace équipe')
  await page.getByLabel('Adresse e-mail').fill(EMAIL)
  await page.getByLabel('Mot de passe').fill('pas le bon mot de passe')
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.')
  await page.getByLabel('Adresse e-mail').fill(EMAIL)
  await page.getByLabel('Mot de passe').fill(PASSWORD)
  const signedIn = page.waitForResponse(response => response.url().endsWith('/admin/messages') && response.request().method() === 'GET')
  await page.getByRole('button', { name: 'Se connecter' }).click()
  expectPrivate(await signedIn)
  await expect(page).toHaveURL(`${site.origin}/admin/messages`)
  await expect(page.locator('h1')).toHaveText('Messages reçus')
  expect(await page.locator('script').count()).toBe(0)

  // The session cookie: httpOnly, SameSite=Strict, whole site.
  const [cookie] = (await context.cookies()).filter(candidate => candidate.name === 'gpm_session')
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' })

  // The secretariat sees messages and the newsletter, not the team.
  const nav = page.getByRole('navigation', { name: 'Espace équipe' })
  await expect(nav.getByRole('link')).toHaveText(['Messages', 'Lettre d’information', 'Rôles'])

  const alice = page.getByRole('row').filter({ hasText: 'Alice Martin' })
  await expect(alice.getByRole('cell').nth(2)).toContainText('Nouveau')
  await alice.getByRole('button', { name: 'Marquer traité : message de Alice Martin' }).click()
  await expect(page.getByRole('status')).toHaveText('Message marqué comme traité.')
  await expect(page.getByRole('row').filter({ hasText: 'Alice Martin' }).getByRole('cell').nth(2)).toContainText('Traité le')

  // Filtering by status is a plain GET form.
  await page.getByLabel('Statut').selectOption('new')
  await page.getByRole('button', { name: 'Filtrer' }).click()
  await expect(page).toHaveURL(/statut=new/)
  await expect(page.getByRole('row').filter({ hasText: 'Bob Formule' })).toHaveCount(1)
  await expect(page.getByRole('row').filter({ hasText: 'Alice Martin' })).toHaveCount(0)

  // CSV export of every message.
  await page.getByLabel('Statut').selectOption('')
  await page.getByRole('button', { name: 'Filtrer' }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Exporter en CSV' }).click()
  const csv = readFileSync(await (await download).path(), 'utf8')
  expect((await download).suggestedFilename()).toMatch(/^messages-\d{4}-\d{2}-\d{2}\.csv$/)
  expect(csv.startsWith('\uFEFFReçu le;Nom;E-mail;Sujet;Message;Page;Statut;Traité le\r\n')).toBe(true)
  expect(csv).toMatch(/;Alice Martin;alice@example\.org;;Bonjour, une question sur la formation secourisme\.;;Traité;\d{4}-/)
  expect(csv).toContain(';"\'=HYPERLINK(""https://evil.example"";""clic"")";')

  // Newsletter subscribers.
  await nav.getByRole('link', { name: 'Lettre d’information' }).click()
  await expect(page.getByRole('row').filter({ hasText: 'lectrice@example.org' })).toContainText('Confirmé')

  // The team page exists, but not for the secretariat.
  const team = await page.goto(`${site.origin}/admin/equipe`)
  expect(team?.status()).toBe(403)
  await expect(page.getByRole('heading', { name: 'Accès refusé' })).toBeVisible()

  // Signing out ends the session.
  await page.getByRole('button', { name: 'Se déconnecter' }).click()
  await expect(page).toHaveURL(`${site.origin}/admin/connexion?notice=signed_out`)
  await expect(page.getByRole('status')).toHaveText('Vous êtes déconnecté·e.')
  expect((await context.cookies()).map(candidate => candidate.name)).not.toContain('gpm_session')
  await page.goto(`${site.origin}/admin`)
  await expect(page).toHaveURL(`${site.origin}/admin/connexion?suite=/admin`)
  await context.close()
})

/** A browser context signed in through the form, JavaScript off like every visitor of /admin. */
async function signedInPage(browser: Browser, email: string, options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ javaScriptEnabled: false, ...options })
  const page = await context.newPage()
  await page.goto(`${site.origin}/admin/connexion`)
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(PASSWORD)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page).toHaveURL(`${site.origin}/admin`)
  return { context, page }
}

test('an admin creates an account and a role, and gives the role', async ({ browser }) => {
  const { context, page } = await signedInPage(browser, ADMIN_EMAIL)
  await page.getByRole('navigation', { name: 'Espace équipe' }).getByRole('link', { name: 'Rôles' }).click()
  const newRole = page.getByRole('region', { name: 'Créer un rôle' })
  await newRole.getByLabel(/^Nom/).fill('communication')
  await newRole.getByLabel('Description').fill('Lettre d’information')
  await newRole.getByLabel(/Voir et exporter les inscrits/).check()
  await newRole.getByRole('button', { name: 'Créer le rôle' }).click()
  await expect(page.getByRole('status')).toHaveText('Rôle créé.')
  await expect(page.getByRole('heading', { name: 'communication' })).toBeVisible()

  await page.getByRole('navigation', { name: 'Espace équipe' }).getByRole('link', { name: 'Équipe' }).click()
  const form = page.getByRole('region', { name: 'Créer un compte' })
  await form.getByLabel('Adresse e-mail').fill(EMAIL)
  await form.getByLabel('Mot de passe').fill('un autre mot de passe long')
  await form.getByRole('button', { name: 'Créer le compte' }).click()
  await expect(page.getByRole('alert')).toHaveText('Un compte existe déjà avec cette adresse e-mail.')
  await form.getByLabel('Adresse e-mail').fill('benevole@gpm.test')
  await form.getByLabel('Mot de passe').fill('un autre mot de passe long')
  await form.getByLabel('communication').check()
  await form.getByRole('button', { name: 'Créer le compte' }).click()
  await expect(page.getByRole('status')).toHaveText('Compte créé.')
  const row = page.getByRole('row').filter({ hasText: 'benevole@gpm.test' })
  await expect(row.getByLabel('communication')).toBeChecked()
  await expect(row.getByLabel('secretariat')).not.toBeChecked()

  // Nobody removes their own roles, not even an admin.
  const own = page.getByRole('row').filter({ hasText: ADMIN_EMAIL })
  await own.getByLabel('admin').uncheck()
  await own.getByRole('button', { name: `Enregistrer les rôles de ${ADMIN_EMAIL}` }).click()
  await expect(page.getByRole('alert')).toContainText('Vous ne pouvez pas retirer vos propres rôles')
  await expect(page.getByRole('row').filter({ hasText: ADMIN_EMAIL }).getByLabel('admin')).toBeChecked()
  await context.close()
})

test('back-office pages pass axe (WCAG 2.1 AA)', async ({ browser }) => {
  // axe runs as a script: this context allows one, the pages themselves still ship none.
  const { context, page } = await signedInPage(browser, ADMIN_EMAIL, { javaScriptEnabled: true, bypassCSP: true })
  for (const path of ['/admin', '/admin/messages', '/admin/abonnes', '/admin/equipe', '/admin/roles']) {
    await page.goto(`${site.origin}${path}`)
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(results.violations.map(violation => `${violation.id}: ${violation.nodes.map(node => node.target.join(' ')).join(', ')}`), path).toEqual([])
  }
  await context.close()
  const signIn = await browser.newContext({ bypassCSP: true })
  const signInPage = await signIn.newPage()
  await signInPage.goto(`${site.origin}/admin/connexion?erreur=invalid_credentials`)
  expect((await new AxeBuilder({ page: signInPage }).withTags(['wcag2a', 'wcag2aa']).analyze()).violations).toEqual([])
  await signIn.close()
})

async function signIn(request: APIRequestContext): Promise<string> {
  const response = await request.post(`${site.origin}/api/v1/auth/sign-in`, { data: { email: EMAIL, password: PASSWORD } })
  expect(response.status()).toBe(200)
  return (await response.json()).access_token
}

test('the staff API: Bearer tokens, permissions, CSRF, pagination, unknown ids', async ({ request }) => {
  const token = await signIn(request)
  const bearer = { authorization: `Bearer ${token}` }

  const inbox = await request.get(`${site.origin}/api/v1/submissions?page_size=1`, { headers: bearer })
  expect(inbox.headers()['cache-control']).toBe('private, no-store')
  const body = await inbox.json()
  expect(body).toMatchObject({ page: 1, page_size: 1, total: 2 })
  expect(body.items[0]).not.toHaveProperty('metadata')

  const cases: [string, Promise<{ status(): number, json(): Promise<{ code: string }> }>, number, string][] = [
    ['users without users.manage', request.get(`${site.origin}/api/v1/users`, { headers: bearer }), 403, 'forbidden'],
    ['a role without roles.manage', request.post(`${site.origin}/api/v1/roles`, { headers: bearer, data: { name: 'pirates' } }), 403, 'forbidden'],
    ['page 0', request.get(`${site.origin}/api/v1/submissions?page=0`, { headers: bearer }), 422, 'validation_failed'],
    ['page_size 101', request.get(`${site.origin}/api/v1/submissions?page_size=101`, { headers: bearer }), 422, 'validation_failed'],
    ['an unknown status', request.patch(`${site.origin}/api/v1/submissions/${body.items[0].id}`, { headers: bearer, data: { status: 'lu' } }), 422, 'validation_failed'],
    ['an unknown id', request.patch(`${site.origin}/api/v1/submissions/00000000-0000-4000-8000-000000000000`, { headers: bearer, data: { status: 'spam' } }), 404, 'not_found'],
    ['a malformed id', request.patch(`${site.origin}/api/v1/submissions/1%20or%201=1`, { headers: bearer, data: { status: 'spam' } }), 404, 'not_found'],
    ['a forged token', request.get(`${site.origin}/api/v1/submissions`, { headers: { authorization: `Bearer ${token.slice(0, -2)}xx` } }), 401, 'unauthorized'],
    ['the session cookie without an Origin', request.patch(`${site.origin}/api/v1/submissions/${body.items[0].id}`, { headers: { cookie: `gpm_session=${token}` }, data: { status: 'spam' } }), 403, 'cross_site_request'],
    ['the session cookie from another site', request.patch(`${site.origin}/api/v1/submissions/${body.items[0].id}`, { headers: { 'cookie': `gpm_session=${token}`, 'origin': 'https://evil.example', 'sec-fetch-site': 'cross-site' }, data: { status: 'spam' } }), 403, 'cross_site_request'],
  ]
  for (const [name, pending, status, code] of cases) {
    const response = await pending
    expect(response.status(), name).toBe(status)
    expect((await response.json()).code, name).toBe(code)
  }

  const viaCookie = await request.patch(`${site.origin}/api/v1/submissions/${body.items[0].id}`, { headers: { cookie: `gpm_session=${token}`, origin: site.origin }, data: { status: 'spam' } })
  expect(viaCookie.status()).toBe(200)
  expect(await viaCookie.json()).toMatchObject({ status: 'spam', handled_by: expect.any(String) })
})

test('a wrong e-mail and a wrong password get the same answer', async ({ request }) => {
  const answers = []
  for (const data of [{ email: 'inconnu@gpm.test', password: PASSWORD }, { email: EMAIL, password: 'pas le bon mot de passe' }]) {
    const response = await request.post(`${site.origin}/api/v1/auth/sign-in`, { data })
    answers.push({ status: response.status(), body: await response.json() })
  }
  expect(answers[0]).toEqual({ status: 401, body: { detail: 'Adresse e-mail ou mot de passe incorrect.', code: 'invalid_credentials' } })
  expect(answers[1]).toEqual(answers[0])
})

test('with NODE_ENV=production the local sign-in is refused', async ({ browser, request }) => {
  const production = await startServer(PRODUCTION_PORT, { NODE_ENV: 'production', NUXT_PUBLIC_SITE_URL: `http://127.0.0.1:${PRODUCTION_PORT}`, NUXT_PUBLIC_SITE_ENV: 'test' })
  try {
    const response = await request.post(`${production.origin}/api/v1/auth/sign-in`, { data: { email: EMAIL, password: PASSWORD } })
    expect(response.status()).toBe(503)
    expect(await response.json()).toEqual({ code: 'local_sign_in_disabled', detail: expect.stringContaining('désactivée en production') })

    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${production.origin}/admin/connexion`)
    await page.getByLabel('Adresse e-mail').fill(EMAIL)
    await page.getByLabel('Mot de passe').fill(PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await expect(page.getByRole('alert')).toContainText('La connexion locale est désactivée en production')
    await context.close()

    // Nor is a token the local sign-in issued elsewhere honoured there.
    const token = await signIn(request)
    const api = await request.get(`${production.origin}/api/v1/submissions`, { headers: { authorization: `Bearer ${token}` } })
    expect(api.status()).toBe(401)
  }
  finally {
    production.stop()
  }
})
