/**
 * The embedded default's stand-in for Supabase Auth: accounts in the reduced
 * auth.users table, passwords stored as bcrypt hashes by pgcrypto exactly as
 * Supabase Auth stores them. Runs as the connection's own role, the way
 * Supabase Auth reads auth.users with its own: the API roles (anon,
 * authenticated, service_role) have no right on that table. Plain module: the
 * create-user script and the server both use it.
 */
import type { SqlExecutor } from './client'

/** Supabase Auth's bcrypt cost. */
const BCRYPT_COST = 10

/**
 * A bcrypt hash of a random string no one knows, compared against when the
 * e-mail is unknown so that a wrong e-mail costs the same time as a wrong
 * password (no account enumeration by timing).
 */
const UNKNOWN_USER_HASH = '$2a$10$oQpg8Ww28yOvlNoNi2CE0eqDktT/ctD/wiIgfQS2ZXoFj2KP3qtoa'

export interface LocalAccount {
  id: string
  email: string
}

/** The account whose e-mail and password match, or null — the same answer for either mistake. */
export async function checkLocalPassword(db: SqlExecutor, email: string, password: string): Promise<LocalAccount | null> {
  const [row] = await db.query<{ id: string | null, email: string | null, valid: boolean | null }>(`
    select account.id, account.email,
      crypt($2, coalesce(account.encrypted_password, $3)) = account.encrypted_password as valid
    from (select 1) as one
    left join lateral (
      select id, email, encrypted_password from auth.users
      where lower(email) = lower($1) and email_confirmed_at is not null
      limit 1
    ) as account on true
  `, [email, password, UNKNOWN_USER_HASH])
  return row?.valid && row.id && row.email ? { id: row.id, email: row.email } : null
}

/**
 * Creates a confirmed account with a password; the auth.users trigger creates
 * its profile. Throws PostgreSQL's unique violation (23505) if the e-mail is taken.
 */
export async function createLocalAccount(db: SqlExecutor, account: { email: string, password: string, displayName?: string | null }): Promise<LocalAccount> {
  const taken = await db.query('select 1 from auth.users where lower(email) = lower($1)', [account.email])
  if (taken.length) throw Object.assign(new Error(`an account already uses ${account.email}`), { code: '23505' })
  const [row] = await db.query<LocalAccount>(`
    insert into auth.users (email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
    values ($1, crypt($2, gen_salt('bf', ${BCRYPT_COST})), now(), '{"provider":"email","providers":["email"]}', $3)
    returning id, email
  `, [account.email, account.password, JSON.stringify(account.displayName ? { display_name: account.displayName } : {})])
  return row!
}

export async function setLocalPassword(db: SqlExecutor, userId: string, password: string): Promise<void> {
  await db.query(`update auth.users set encrypted_password = crypt($2, gen_salt('bf', ${BCRYPT_COST})), updated_at = now() where id = $1`, [userId, password])
}

export async function deleteLocalAccount(db: SqlExecutor, userId: string): Promise<void> {
  await db.query('delete from auth.users where id = $1', [userId])
}

/**
 * Whether this database's auth schema belongs to Supabase Auth (GoTrue keeps
 * auth.identities and its own migrations table there): accounts must then be
 * created through Supabase, never by writing auth.users directly.
 */
export async function isSupabaseAuthDatabase(db: SqlExecutor): Promise<boolean> {
  const [row] = await db.query<{ supabase: boolean }>('select to_regclass(\'auth.identities\') is not null as supabase')
  return Boolean(row?.supabase)
}
