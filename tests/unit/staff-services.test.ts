import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, openDatabase } from '../../server/database/client'
import { checkLocalPassword, createLocalAccount } from '../../server/database/local-auth'
import { applyMigrations, readMigrationsDir } from '../../server/database/migrations'
import type { ApiErrorBody } from '../../server/utils/api-error'
import { loadStaffUser, type StaffUser } from '../../server/utils/staff-access'
import {
  createRole, createStaffUser, deleteStaffUser, listPermissions, listRoles, listStaffUsers, updateRole, updateStaffUser,
} from '../../server/utils/staff-directory'
import { exportSubmissions, listSubmissions, updateSubmissionStatus } from '../../server/utils/staff-inbox'
import { exportSubscribers, listSubscribers } from '../../server/utils/staff-newsletter'

/**
 * The staff services against a real PostgreSQL engine (PGlite in memory) with
 * the project's migrations: who may do what is decided by the roles in the
 * database and, underneath, by row-level security — a member whose token
 * claimed more permissions than their roles give still gets nothing more.
 */
let db: Database
const staff: Record<'admin' | 'secretariat' | 'editor' | 'nobody', StaffUser> = {} as never
const submissionIds: string[] = []
const FIRST_PAGE = { page: 1, page_size: 20 }

/** The `{ status, code }` an API error would answer, or the error itself. */
async function failure(promise: Promise<unknown>): Promise<{ status: number, code: string, fields?: Record<string, string> }> {
  try {
    await promise
  }
  catch (error) {
    const { statusCode, data } = error as { statusCode?: number, data?: ApiErrorBody }
    if (!statusCode || !data) throw error
    return { status: statusCode, code: data.code, ...(data.fields ? { fields: data.fields } : {}) }
  }
  throw new Error('expected a failure')
}

async function member(email: string, role?: string): Promise<StaffUser> {
  const account = await createLocalAccount(db, { email, password: 'correct horse battery', displayName: email.split('@')[0] })
  if (role) await db.query('insert into public.user_roles (user_id, role_id) select $1, id from public.roles where name = $2', [account.id, role])
  const user = await loadStaffUser(db, { sub: account.id, email, role: 'authenticated', aud: 'authenticated' })
  return user!
}

/** The same member with permissions their roles do not give: what a forged StaffUser would try. */
const claiming = (user: StaffUser, permissions: string[]): StaffUser => ({ ...user, permissions })

const auditCount = async (action: string) =>
  (await db.query<{ count: number }>('select count(*)::int as count from public.audit_log where action = $1', [action]))[0]!.count

beforeAll(async () => {
  db = await openDatabase({ memory: true })
  await applyMigrations(db, readMigrationsDir('supabase/migrations'))
  staff.admin = await member('admin@gpm.test', 'admin')
  staff.secretariat = await member('secretariat@gpm.test', 'secretariat')
  staff.editor = await member('editor@gpm.test', 'editor')
  staff.nobody = await member('nobody@gpm.test')
  const messages = [
    ['Alice Martin', 'alice@example.org', 'Bonjour, une question sur la formation.'],
    ['Bob', 'bob@example.org', '=HYPERLINK("https://evil.example","clic")'],
    ['Chloé; "la" Fontaine', 'chloe@example.org', 'Ligne 1\nLigne 2'],
  ]
  for (const [name, email, message] of messages) {
    const [row] = await db.query<{ id: string }>(
      'insert into public.form_submissions (name, email, message, metadata) values ($1, $2, $3, $4) returning id',
      [name, email, message, JSON.stringify({ ip_hash: 'secret-hash', user_agent: 'UA' })],
    )
    submissionIds.push(row!.id)
  }
  await db.query(`insert into public.newsletter_subscriptions (email, status, confirm_token_hash, confirmed_at) values
    ('one@example.org', 'confirmed', 'hash-1', now()), ('two@example.org', 'pending', 'hash-2', null), ('-3+3@example.org', 'confirmed', null, now())`)
})
afterAll(() => db?.close())

describe('who a member is comes from the database', () => {
  it.each([
    ['admin', ['admin'], 9],
    ['secretariat', ['secretariat'], 3],
    ['editor', ['editor'], 2],
    ['nobody', [], 0],
  ] as const)('%s: roles %j, %i permissions', (name, roles, permissionCount) => {
    expect(staff[name].roles).toEqual(roles)
    expect(staff[name].permissions).toHaveLength(permissionCount)
  })

  it('the secretariat reads and updates submissions and reads the newsletter, nothing else', () => {
    expect(staff.secretariat.permissions).toEqual(['newsletter.read', 'submissions.read', 'submissions.update'])
  })

  it('a token for a user without a profile gives no staff member', async () => {
    expect(await loadStaffUser(db, { sub: '00000000-0000-4000-8000-000000000000', role: 'authenticated' })).toBeNull()
  })
})

describe('permissions: the code checks, the database enforces', () => {
  it.each([
    ['list users', () => listStaffUsers(db, staff.secretariat, FIRST_PAGE)],
    ['create a user', () => createStaffUser(db, staff.secretariat, { email: 'x@gpm.test', password: 'long enough password', roles: [] }, { mode: 'local' })],
    ['update a user', () => updateStaffUser(db, staff.secretariat, staff.editor.id, { display_name: 'Pirate' })],
    ['delete a user', () => deleteStaffUser(db, staff.secretariat, staff.editor.id, { mode: 'local' })],
    ['create a role', () => createRole(db, staff.secretariat, { name: 'pirates', description: '', permissions: [] })],
    ['update a role', async () => updateRole(db, staff.secretariat, await roleId('editor'), { description: 'x' })],
  ])('the secretariat cannot %s (403)', async (_, attempt) => {
    expect(await failure(attempt())).toMatchObject({ status: 403, code: 'forbidden' })
  })

  it.each([
    ['editor', 'list submissions', () => listSubmissions(db, staff.editor, FIRST_PAGE)],
    ['editor', 'export subscribers', () => exportSubscribers(db, staff.editor, {})],
    ['nobody', 'list subscribers', () => listSubscribers(db, staff.nobody, FIRST_PAGE)],
    ['nobody', 'mark a submission handled', () => updateSubmissionStatus(db, staff.nobody, submissionIds[0]!, 'handled')],
  ])('%s cannot %s (403)', async (_, __, attempt) => {
    expect(await failure(attempt())).toMatchObject({ status: 403, code: 'forbidden' })
  })

  it('the secretariat lists submissions', async () => {
    const page = await listSubmissions(db, staff.secretariat, FIRST_PAGE)
    expect(page).toMatchObject({ page: 1, page_size: 20, total: 3 })
    expect(page.items.map(item => item.name)).toEqual(expect.arrayContaining(['Alice Martin', 'Bob']))
  })

  it('claiming permissions the roles do not give reads nothing', async () => {
    const forgedEditor = claiming(staff.editor, ['submissions.read', 'newsletter.read'])
    expect((await listSubmissions(db, forgedEditor, FIRST_PAGE)).total).toBe(0)
    expect((await listSubscribers(db, forgedEditor, FIRST_PAGE)).total).toBe(0)
    // Without users.manage the policies show a member their own profile only.
    const users = await listStaffUsers(db, claiming(staff.secretariat, ['users.manage']), FIRST_PAGE)
    expect(users.items.map(user => user.email)).toEqual(['secretariat@gpm.test'])
  })

  it.each([
    ['grant themself the admin role', (forged: StaffUser) => updateStaffUser(db, forged, forged.id, { roles: ['secretariat', 'admin'] }), 403],
    ['rename another member (not even visible: 404)', (forged: StaffUser) => updateStaffUser(db, forged, staff.editor.id, { display_name: 'x' }), 404],
    ['create a role', (forged: StaffUser) => createRole(db, forged, { name: 'pirates', description: '', permissions: ['users.manage'] }), 403],
    ['add a permission to their role', async (forged: StaffUser) => updateRole(db, forged, await roleId('secretariat'), { permissions: ['users.manage'] }), 403],
    ['create an account', (forged: StaffUser) => createStaffUser(db, forged, { email: 'forged@gpm.test', password: 'long enough password', roles: [] }, { mode: 'local' }), 403],
  ])('claiming users.manage and roles.manage, the secretariat cannot %s', async (_, attempt, status) => {
    const forged = claiming(staff.secretariat, ['users.manage', 'roles.manage', ...staff.secretariat.permissions])
    expect(await failure(attempt(forged))).toMatchObject({ status })
    expect(await loadStaffUser(db, staff.secretariat.claims)).toMatchObject({ roles: ['secretariat'] })
    expect(await db.query('select 1 from auth.users where email = \'forged@gpm.test\'')).toEqual([])
  })
})

async function roleId(name: string): Promise<string> {
  return (await db.query<{ id: string }>('select id from public.roles where name = $1', [name]))[0]!.id
}

describe('submissions inbox', () => {
  it('never returns request metadata and filters by status', async () => {
    const page = await listSubmissions(db, staff.secretariat, { ...FIRST_PAGE, status: 'spam' })
    expect(page.total).toBe(0)
    const all = await listSubmissions(db, staff.secretariat, FIRST_PAGE)
    expect(Object.keys(all.items[0]!)).not.toContain('metadata')
    expect(JSON.stringify(all)).not.toContain('secret-hash')
  })

  it('paginates: page 2 of size 2 holds the last message', async () => {
    const page = await listSubmissions(db, staff.secretariat, { page: 2, page_size: 2 })
    expect(page).toMatchObject({ page: 2, page_size: 2, total: 3 })
    expect(page.items).toHaveLength(1)
  })

  it('marking handled records who and when, with an audit row; back to new clears both', async () => {
    const before = await auditCount('submissions.update')
    const handled = await updateSubmissionStatus(db, staff.secretariat, submissionIds[0]!, 'handled')
    expect(handled).toMatchObject({ status: 'handled', handled_by: staff.secretariat.id })
    expect(handled.handled_at).toBeInstanceOf(Date)
    expect((await listSubmissions(db, staff.secretariat, { ...FIRST_PAGE, status: 'handled' })).total).toBe(1)
    const [audit] = await db.query<{ actor_id: string, detail: unknown }>('select actor_id, detail from public.audit_log where action = \'submissions.update\' order by id desc limit 1')
    expect(audit).toEqual({ actor_id: staff.secretariat.id, detail: { from: 'new', to: 'handled' } })
    const reopened = await updateSubmissionStatus(db, staff.secretariat, submissionIds[0]!, 'new')
    expect(reopened).toMatchObject({ status: 'new', handled_by: null, handled_at: null })
    expect(await auditCount('submissions.update')).toBe(before + 2)
  })

  it('an unknown message answers 404', async () => {
    expect(await failure(updateSubmissionStatus(db, staff.secretariat, '00000000-0000-4000-8000-000000000000', 'spam'))).toMatchObject({ status: 404, code: 'not_found' })
  })

  it('exports CSV for French Excel: BOM, semicolons, quoted cells, formulas neutralised; audited', async () => {
    const before = await auditCount('submissions.export')
    const { csv, count } = await exportSubmissions(db, staff.secretariat, {})
    expect(count).toBe(3)
    expect(csv.startsWith('\uFEFFReçu le;Nom;E-mail;Sujet;Message;Page;Statut;Traité le\r\n')).toBe(true)
    expect(csv).toContain(';"\'=HYPERLINK(""https://evil.example"",""clic"")";')
    expect(csv).toContain('"Chloé; ""la"" Fontaine";chloe@example.org;;"Ligne 1\nLigne 2";')
    expect(csv).not.toContain('secret-hash')
    expect(await auditCount('submissions.export')).toBe(before + 1)
  })
})

describe('newsletter subscribers', () => {
  it('lists without token hashes, filters by status', async () => {
    const confirmed = await listSubscribers(db, staff.secretariat, { ...FIRST_PAGE, status: 'confirmed' })
    expect(confirmed.total).toBe(2)
    expect(JSON.stringify(confirmed)).not.toMatch(/hash-1|token/)
  })

  it('exports CSV with a neutralised leading minus', async () => {
    const { csv } = await exportSubscribers(db, staff.secretariat, { status: 'confirmed' })
    expect(csv.split('\r\n')[0]).toBe('\uFEFFE-mail;Statut;Inscrit le;Confirmé le;Désinscrit le;Page d’inscription')
    expect(csv).toContain('\r\n\'-3+3@example.org;Confirmé;')
    expect(csv).not.toContain('two@example.org')
  })
})

describe('users (users.manage)', () => {
  it('an admin creates an account with roles; it can sign in; the change is audited', async () => {
    const before = await auditCount('users.create')
    const created = await createStaffUser(db, staff.admin, { email: 'new.member@gpm.test', display_name: 'Nouvelle', password: 'a long passphrase', roles: ['secretariat'] }, { mode: 'local' })
    expect(created).toMatchObject({ email: 'new.member@gpm.test', display_name: 'Nouvelle', roles: ['secretariat'] })
    expect(await checkLocalPassword(db, 'New.Member@gpm.test', 'a long passphrase')).toEqual({ id: created.id, email: 'new.member@gpm.test' })
    expect(await auditCount('users.create')).toBe(before + 1)
  })

  it.each([
    ['a taken e-mail', { email: 'editor@gpm.test', password: 'a long passphrase', roles: [] }, 409, 'email_taken'],
    ['an unknown role', { email: 'ghost@gpm.test', password: 'a long passphrase', roles: ['wizard'] }, 422, 'validation_failed'],
    ['no password in the embedded default', { email: 'ghost@gpm.test', roles: [] }, 422, 'validation_failed'],
  ])('refuses %s and leaves no account behind', async (_, input, status, code) => {
    expect(await failure(createStaffUser(db, staff.admin, input, { mode: 'local' }))).toMatchObject({ status, code })
    expect(await db.query('select 1 from auth.users where email = \'ghost@gpm.test\'')).toEqual([])
  })

  it('with Supabase, creates through the invitation and assigns roles', async () => {
    const invited: string[] = []
    const created = await createStaffUser(db, staff.admin, { email: 'invited@gpm.test', roles: ['editor'] }, {
      mode: 'supabase',
      // Stands in for Supabase's admin API: the auth.users insert fires the profile trigger.
      invite: async (email) => {
        invited.push(email)
        return createLocalAccount(db, { email, password: 'unused password' })
      },
    })
    expect(invited).toEqual(['invited@gpm.test'])
    expect(created.roles).toEqual(['editor'])
  })

  it('lists members with their roles, paginated', async () => {
    const page = await listStaffUsers(db, staff.admin, { page: 1, page_size: 2 })
    expect(page.total).toBeGreaterThanOrEqual(6)
    expect(page.items).toHaveLength(2)
    expect(page.items[0]).toEqual({ id: expect.any(String), email: 'admin@gpm.test', display_name: 'admin', roles: ['admin'], created_at: expect.any(Date), updated_at: expect.any(Date) })
  })

  it('changes roles and display name; the member\'s permissions follow', async () => {
    const updated = await updateStaffUser(db, staff.admin, staff.editor.id, { display_name: 'Rédaction', roles: ['editor', 'secretariat'] })
    expect(updated).toMatchObject({ display_name: 'Rédaction', roles: ['editor', 'secretariat'] })
    expect((await loadStaffUser(db, staff.editor.claims))!.permissions).toContain('submissions.read')
    await updateStaffUser(db, staff.admin, staff.editor.id, { roles: ['editor'] })
    expect((await loadStaffUser(db, staff.editor.claims))!.permissions).not.toContain('submissions.read')
  })

  it.each([
    ['remove their own roles', () => updateStaffUser(db, staff.admin, staff.admin.id, { roles: [] }), 409, 'own_roles'],
    ['delete their own account', () => deleteStaffUser(db, staff.admin, staff.admin.id, { mode: 'local' }), 409, 'own_account'],
    ['update an unknown member', () => updateStaffUser(db, staff.admin, '00000000-0000-4000-8000-000000000000', { display_name: 'x' }), 404, 'not_found'],
    ['delete an unknown member', () => deleteStaffUser(db, staff.admin, '00000000-0000-4000-8000-000000000000', { mode: 'local' }), 404, 'not_found'],
  ])('an admin cannot %s', async (_, attempt, status, code) => {
    expect(await failure(attempt())).toMatchObject({ status, code })
    expect((await loadStaffUser(db, staff.admin.claims))!.roles).toEqual(['admin'])
  })

  it('deleting a member removes the profile, the roles and the sign-in account', async () => {
    const doomed = await member('doomed@gpm.test', 'secretariat')
    await deleteStaffUser(db, staff.admin, doomed.id, { mode: 'local' })
    expect(await loadStaffUser(db, doomed.claims)).toBeNull()
    expect(await checkLocalPassword(db, 'doomed@gpm.test', 'correct horse battery')).toBeNull()
    expect(await auditCount('users.delete')).toBe(1)
  })
})

describe('roles (roles.manage) and permissions', () => {
  it('everyone on staff reads roles and permissions', async () => {
    const roles = await listRoles(db, staff.nobody, FIRST_PAGE)
    expect(roles.items.map(role => role.name)).toEqual(expect.arrayContaining(['admin', 'editor', 'secretariat']))
    expect(roles.items.find(role => role.name === 'secretariat')!.permissions).toEqual(['newsletter.read', 'submissions.read', 'submissions.update'])
    const permissions = await listPermissions(db, staff.nobody, { page: 1, page_size: 100 })
    expect(permissions.total).toBe(9)
    expect(permissions.items[0]).toEqual({ key: 'analytics.read', description: expect.any(String) })
  })

  it('creates a role with permissions, then changes them', async () => {
    const role = await createRole(db, staff.admin, { name: 'communication', description: 'Lettre d’information', permissions: ['newsletter.read'] })
    expect(role).toMatchObject({ name: 'communication', is_system: false, permissions: ['newsletter.read'] })
    const updated = await updateRole(db, staff.admin, role.id, { name: 'comm', permissions: ['analytics.read', 'newsletter.read'] })
    expect(updated).toMatchObject({ name: 'comm', permissions: ['analytics.read', 'newsletter.read'] })
    expect(await auditCount('roles.create')).toBe(1)
    expect(await auditCount('roles.update')).toBe(1)
  })

  it.each([
    ['rename the admin role', async () => updateRole(db, staff.admin, await roleId('admin'), { name: 'boss' }), 409, 'system_role'],
    ['take a permission from the admin role', async () => updateRole(db, staff.admin, await roleId('admin'), { permissions: ['users.manage'] }), 409, 'system_role'],
    ['reuse a role name', () => createRole(db, staff.admin, { name: 'editor', description: '', permissions: [] }), 409, 'role_name_taken'],
    ['grant an unknown permission', () => createRole(db, staff.admin, { name: 'ghosts', description: '', permissions: ['ghosts.haunt'] }), 422, 'validation_failed'],
    ['update an unknown role', () => updateRole(db, staff.admin, '00000000-0000-4000-8000-000000000000', { description: 'x' }), 404, 'not_found'],
  ])('refuses to %s', async (_, attempt, status, code) => {
    expect(await failure(attempt())).toMatchObject({ status, code })
    expect(await db.query('select 1 from public.roles where name in (\'boss\', \'ghosts\')')).toEqual([])
  })

  it('the admin role may get a new description', async () => {
    expect(await updateRole(db, staff.admin, await roleId('admin'), { description: 'Tout' })).toMatchObject({ description: 'Tout', permissions: expect.arrayContaining(['users.manage']) })
  })
})

describe('local password check', () => {
  it.each([
    ['the right password', 'admin@gpm.test', 'correct horse battery', true],
    ['a wrong password', 'admin@gpm.test', 'wrong horse battery', false],
    ['an unknown e-mail', 'ghost@gpm.test', 'correct horse battery', false],
    ['an SQL injection', 'admin@gpm.test\' or 1=1 --', 'x', false],
  ])('%s', async (_, email, password, valid) => {
    expect(Boolean(await checkLocalPassword(db, email, password))).toBe(valid)
  })

  it('an unconfirmed account cannot sign in', async () => {
    const account = await createLocalAccount(db, { email: 'unconfirmed@gpm.test', password: 'correct horse battery' })
    await db.query('update auth.users set email_confirmed_at = null where id = $1', [account.id])
    expect(await checkLocalPassword(db, 'unconfirmed@gpm.test', 'correct horse battery')).toBeNull()
  })
})
