/**
 * `npm run db:create-user -- --email x --password y --role admin`: a staff
 * account for the embedded default's local sign-in, in the database the
 * server would use (the PGlite under NUXT_DATA_DIR, default .data, or a plain
 * PostgreSQL from DATABASE_URL). Refused on Supabase: there, invite staff from
 * Supabase's dashboard or from /admin/equipe. Stop the server first when it
 * runs on PGlite: one process per data directory.
 *
 * Options: --email (required), --password or --password-stdin (12+ characters),
 * --role (repeatable; default none), --name (display name), --update (the
 * account exists: set its password and add the roles).
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { openDatabase } from '../../server/database/client.ts'
import { createLocalAccount, isSupabaseAuthDatabase, setLocalPassword } from '../../server/database/local-auth.ts'
import { applyMigrations, readMigrationsDir } from '../../server/database/migrations.ts'

const root = resolve(import.meta.dirname, '../..')

function fail(message: string): never {
  console.error(`db:create-user: ${message}`)
  process.exit(1)
}

const { values: options } = parseArgs({
  options: {
    'email': { type: 'string' },
    'password': { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
    'role': { type: 'string', multiple: true, default: [] },
    'name': { type: 'string' },
    'update': { type: 'boolean', default: false },
  },
  strict: true,
})

if (process.env.NUXT_PUBLIC_SUPABASE_URL) {
  fail('Supabase Auth is configured (NUXT_PUBLIC_SUPABASE_URL): invite staff from the Supabase dashboard (Authentication → Users → Invite) or from /admin/equipe, then give them roles there.')
}
const email = options.email?.trim().toLowerCase()
if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) fail('--email <address> is required')
let password = options.password
if (options['password-stdin']) {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '')
}
if (!password || password.length < 12) fail('--password (or --password-stdin) of at least 12 characters is required')
if (Buffer.byteLength(password) > 72) fail('the password must fit in 72 bytes (bcrypt)')
const accountPassword: string = password

const url = process.env.NUXT_DATABASE_URL || process.env.DATABASE_URL
const dataDir = resolve(process.env.NUXT_DATA_DIR || resolve(root, '.data'), 'pglite')
const db = await openDatabase(url ? { url, maxConnections: 1 } : { dataDir })
const where = url ? new URL(url).host + new URL(url).pathname : `PGlite at ${dataDir}`
try {
  // The embedded default migrates itself at start; so does this script, for a first run before the server's.
  if (!url) await applyMigrations(db, readMigrationsDir(resolve(root, 'supabase/migrations')))
  if (await isSupabaseAuthDatabase(db)) {
    throw new Error(`${where} belongs to Supabase Auth: invite staff from the Supabase dashboard instead of writing auth.users.`)
  }
  const roles = options.role ?? []
  const message = await db.transaction(async (tx) => {
    const known = await tx.query<{ id: string, name: string }>('select id, name from public.roles where name = any($1::text[])', [roles])
    const unknown = roles.filter(role => !known.some(row => row.name === role))
    if (unknown.length) throw new Error(`unknown role(s): ${unknown.join(', ')}`)
    const [existing] = await tx.query<{ id: string }>('select id from auth.users where lower(email) = lower($1)', [email])
    if (existing && !options.update) throw new Error(`${email} already has an account; pass --update to set its password and add roles`)
    const id = existing ? existing.id : (await createLocalAccount(tx, { email, password: accountPassword, displayName: options.name ?? null })).id
    if (existing) await setLocalPassword(tx, id, accountPassword)
    for (const role of known) {
      await tx.query('insert into public.user_roles (user_id, role_id) values ($1, $2) on conflict do nothing', [id, role.id])
    }
    await tx.query(
      'insert into public.audit_log (actor_id, action, target_type, target_id, detail) values (null, $1, \'user\', $2, $3)',
      [existing ? 'users.update' : 'users.create', id, JSON.stringify({ email, roles, via: 'db:create-user' })],
    )
    return `${existing ? 'Updated' : 'Created'} ${email}${roles.length ? ` with role(s) ${roles.join(', ')}` : ' (no role yet)'} in ${where}.`
  })
  console.log(message)
}
catch (error) {
  console.error(`db:create-user: ${(error as Error).message}`)
  process.exitCode = 1
}
finally {
  await db.close()
}
