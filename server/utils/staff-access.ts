/**
 * Who a staff member is and what they may do, read from the database as that
 * member (row-level security decides what they see), and the transaction
 * helper every staff service runs in. Plain module: the database tests use it
 * without Nitro.
 */
import type { Database, JwtClaims, SqlExecutor } from '../database/client'
import { apiError } from './api-error'

export interface StaffUser {
  id: string
  email: string
  roles: string[]
  permissions: string[]
  claims: JwtClaims
}

/** The profile, roles and permissions of the token's user; null when they have no profile. */
export async function loadStaffUser(db: Database, claims: JwtClaims): Promise<StaffUser | null> {
  const [row] = await db.as({ role: 'authenticated', claims }, tx => tx.query<{ id: string, email: string, roles: string[], permissions: string[] }>(`
    select profiles.id, profiles.email,
      coalesce(array_agg(distinct roles.name) filter (where roles.name is not null), '{}') as roles,
      coalesce(array_agg(distinct role_permissions.permission) filter (where role_permissions.permission is not null), '{}') as permissions
    from public.profiles
    left join public.user_roles on user_roles.user_id = profiles.id
    left join public.roles on roles.id = user_roles.role_id
    left join public.role_permissions on role_permissions.role_id = roles.id
    where profiles.id = $1
    group by profiles.id
  `, [claims.sub]))
  if (!row) return null
  return { id: row.id, email: row.email, roles: [...row.roles].sort(), permissions: [...row.permissions].sort(), claims }
}

export function hasPermission(user: Pick<StaffUser, 'permissions'>, permission: string): boolean {
  return user.permissions.includes(permission)
}

/** 403 `forbidden` unless the member holds `permission`. */
export function assertPermission(user: Pick<StaffUser, 'permissions'>, permission: string): void {
  if (!hasPermission(user, permission)) {
    throw apiError(403, 'forbidden', `Vous n’avez pas l’autorisation nécessaire (${permission}).`, { permission })
  }
}

/**
 * Runs `work` in one transaction as the staff member (role `authenticated`,
 * their JWT claims), so the database's policies have the last word even if a
 * check in the code were missing. A write the policies refuse answers 403.
 */
export async function asStaff<T>(db: Database, actor: StaffUser, work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
  return withPolicyErrors(() => db.as({ role: 'authenticated', claims: actor.claims }, work))
}

/** A write the database's policies refuse (SQLSTATE 42501) answers 403 instead of 500. */
export async function withPolicyErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  }
  catch (error) {
    if (databaseErrorCode(error) === '42501') {
      throw apiError(403, 'forbidden', 'Vous n’avez pas l’autorisation de faire cette modification.')
    }
    throw error
  }
}

/**
 * Inside a transaction the server opened as its own role, switches to the
 * staff member (role `authenticated` and their claims) for what follows.
 */
export async function actAsStaff(tx: SqlExecutor, actor: StaffUser): Promise<void> {
  await tx.query('select set_config(\'request.jwt.claims\', $1, true), set_config(\'role\', \'authenticated\', true)', [JSON.stringify({ ...actor.claims, role: 'authenticated' })])
}

/** The database itself checks the permission, as the member (has_permission reads auth.uid()). */
export async function assertDatabasePermission(tx: SqlExecutor, permission: string): Promise<void> {
  const [row] = await tx.query<{ allowed: boolean }>('select public.has_permission($1) as allowed', [permission])
  if (!row?.allowed) throw apiError(403, 'forbidden', `Vous n’avez pas l’autorisation nécessaire (${permission}).`, { permission })
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * A route's `{id}`: anything but a UUID is an unknown id (404 like any other),
 * never a SQL cast error.
 */
export function parseRecordId(raw: string | undefined, notFoundDetail = 'Élément introuvable.'): string {
  if (!raw || !UUID.test(raw)) throw apiError(404, 'not_found', notFoundDetail)
  return raw.toLowerCase()
}

/** SQLSTATE of a PostgreSQL or PGlite error (42501 refused by a policy, 23505 unique violation…). */
export function databaseErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

export interface StaffAction {
  actorId: string | null
  /** `<resource>.<verb>`, e.g. `submissions.update`. */
  action: string
  targetType?: string
  targetId?: string
  detail?: Record<string, unknown>
}

/**
 * Writes the audit row in the caller's transaction, so an action and its trace
 * commit or roll back together. The audit log accepts no write from staff
 * (no policy): the row is written as service_role, then the transaction goes
 * back to the member's own role.
 */
export async function recordStaffAction(tx: SqlExecutor, entry: StaffAction): Promise<void> {
  const [current] = await tx.query<{ role: string }>('select current_user as role')
  await tx.query('select set_config(\'role\', \'service_role\', true)')
  await tx.query(
    'insert into public.audit_log (actor_id, action, target_type, target_id, detail) values ($1, $2, $3, $4, $5)',
    [entry.actorId, entry.action, entry.targetType ?? null, entry.targetId ?? null, JSON.stringify(entry.detail ?? {})],
  )
  if (current?.role === 'authenticated') await tx.query('select set_config(\'role\', \'authenticated\', true)')
  else await tx.query('select set_config(\'role\', \'none\', true)')
}
