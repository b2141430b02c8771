/**
 * Staff accounts, roles and permissions (`users.manage`, `roles.manage`).
 * Every query runs as the acting member, so row-level security enforces what
 * the code checks; every change writes an audit row in the same transaction.
 */
import { z } from 'zod'
import type { Database, SqlExecutor } from '../database/client'
import { createLocalAccount, deleteLocalAccount } from '../database/local-auth'
import { apiError } from './api-error'
import { type Page, type Pagination, pageWindow } from './pagination'
import {
  actAsStaff, asStaff, assertDatabasePermission, assertPermission, databaseErrorCode, recordStaffAction, type StaffUser, withPolicyErrors,
} from './staff-access'

// Inputs ----------------------------------------------------------------------

const roleName = z.string({ error: 'Nom de rôle manquant.' }).trim()
  .regex(/^[a-z][a-z0-9_-]{1,39}$/, 'Nom de rôle : 2 à 40 caractères en minuscules (lettres, chiffres, - ou _), commençant par une lettre.')
const displayName = z.string().trim().max(120, 'Le nom affiché fait au plus 120 caractères.')
  .transform(name => name || null)
const roleNames = z.array(roleName, { error: 'Liste de rôles invalide.' }).max(20, 'Vingt rôles au plus.')
  .transform(names => [...new Set(names)])
const permissionKeys = z.array(z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'Permission inconnue.'), { error: 'Liste de permissions invalide.' })
  .max(100).transform(keys => [...new Set(keys)])

export const staffUserCreateBody = z.object({
  email: z.string({ error: 'Adresse e-mail manquante.' }).trim().toLowerCase().pipe(z.email('Adresse e-mail invalide.').max(254, 'Adresse e-mail trop longue.')),
  display_name: displayName.nullish(),
  roles: roleNames.default([]),
  // Embedded default only: Supabase invites by e-mail and the person chooses a password.
  password: z.string().min(12, 'Le mot de passe fait au moins 12 caractères.')
    .refine(password => new TextEncoder().encode(password).length <= 72, 'Le mot de passe fait au plus 72 octets.')
    .optional(),
})
export type StaffUserCreate = z.infer<typeof staffUserCreateBody>

export const staffUserUpdateBody = z.object({
  display_name: displayName.nullish(),
  roles: roleNames.optional(),
}).refine(body => body.display_name !== undefined || body.roles !== undefined, 'Rien à modifier : indiquez display_name ou roles.')
export type StaffUserUpdate = z.infer<typeof staffUserUpdateBody>

export const roleCreateBody = z.object({
  name: roleName,
  description: z.string().trim().max(500, 'La description fait au plus 500 caractères.').default(''),
  permissions: permissionKeys.default([]),
})
export type RoleCreate = z.infer<typeof roleCreateBody>

export const roleUpdateBody = z.object({
  name: roleName.optional(),
  description: z.string().trim().max(500, 'La description fait au plus 500 caractères.').optional(),
  permissions: permissionKeys.optional(),
}).refine(body => Object.values(body).some(value => value !== undefined), 'Rien à modifier : indiquez name, description ou permissions.')
export type RoleUpdate = z.infer<typeof roleUpdateBody>

// Answers ---------------------------------------------------------------------

export interface StaffUserSummary {
  id: string
  email: string
  display_name: string | null
  roles: string[]
  created_at: Date
  updated_at: Date
}

export interface RoleSummary {
  id: string
  name: string
  description: string
  is_system: boolean
  permissions: string[]
  created_at: Date
  updated_at: Date
}

export interface PermissionSummary {
  key: string
  description: string
}

const USER_COLUMNS = `
  profiles.id, profiles.email, profiles.display_name, profiles.created_at, profiles.updated_at,
  coalesce((
    select array_agg(roles.name order by roles.name)
    from public.user_roles join public.roles on roles.id = user_roles.role_id
    where user_roles.user_id = profiles.id
  ), '{}') as roles`

const ROLE_COLUMNS = `
  roles.id, roles.name, roles.description, roles.is_system, roles.created_at, roles.updated_at,
  coalesce((
    select array_agg(role_permissions.permission order by role_permissions.permission)
    from public.role_permissions where role_permissions.role_id = roles.id
  ), '{}') as permissions`

async function findUser(tx: SqlExecutor, id: string): Promise<StaffUserSummary | undefined> {
  const [user] = await tx.query<StaffUserSummary>(`select ${USER_COLUMNS} from public.profiles where profiles.id = $1`, [id])
  return user
}

async function findRole(tx: SqlExecutor, id: string): Promise<RoleSummary | undefined> {
  const [role] = await tx.query<RoleSummary>(`select ${ROLE_COLUMNS} from public.roles where roles.id = $1`, [id])
  return role
}

/**
 * An UPDATE or DELETE that row-level security filters out changes nothing
 * without an error: fewer rows than expected means the policies said no.
 */
function refusedUnlessChanged(rows: unknown[], expected = 1) {
  if (rows.length < expected) throw apiError(403, 'forbidden', 'Vous n’avez pas l’autorisation de faire cette modification.')
}

const userNotFound = () => apiError(404, 'not_found', 'Compte introuvable.')
const roleNotFound = () => apiError(404, 'not_found', 'Rôle introuvable.')

// Users -----------------------------------------------------------------------

export async function listStaffUsers(db: Database, actor: StaffUser, pagination: Pagination): Promise<Page<StaffUserSummary>> {
  assertPermission(actor, 'users.manage')
  const { limit, offset } = pageWindow(pagination)
  return asStaff(db, actor, async (tx) => {
    const [count] = await tx.query<{ total: number }>('select count(*)::int as total from public.profiles')
    const items = await tx.query<StaffUserSummary>(`select ${USER_COLUMNS} from public.profiles order by lower(profiles.email) limit $1 offset $2`, [limit, offset])
    return { items, page: pagination.page, page_size: pagination.page_size, total: count?.total ?? 0 }
  })
}

/** Role ids for names; 422 naming the unknown ones. */
async function roleIds(tx: SqlExecutor, names: string[]): Promise<string[]> {
  if (!names.length) return []
  const rows = await tx.query<{ id: string, name: string }>('select id, name from public.roles where name = any($1::text[])', [names])
  const unknown = names.filter(name => !rows.some(row => row.name === name))
  if (unknown.length) {
    throw apiError(422, 'validation_failed', 'Certains champs sont invalides.', { fields: { roles: `Rôle inconnu : ${unknown.join(', ')}.` } })
  }
  return rows.map(row => row.id)
}

/** Makes the member's roles exactly `names`; returns what was added and removed. */
async function replaceRoles(tx: SqlExecutor, actor: StaffUser, userId: string, names: string[]) {
  const ids = await roleIds(tx, names)
  const current = await tx.query<{ role_id: string, name: string }>(
    'select user_roles.role_id, roles.name from public.user_roles join public.roles on roles.id = user_roles.role_id where user_roles.user_id = $1',
    [userId],
  )
  const removed = current.filter(row => !ids.includes(row.role_id))
  // The database refuses it too (user_roles_delete policy); said here in words.
  if (removed.length && userId === actor.id) {
    throw apiError(409, 'own_roles', 'Vous ne pouvez pas retirer vos propres rôles : demandez-le à un autre administrateur.')
  }
  if (removed.length) {
    const deleted = await tx.query('delete from public.user_roles where user_id = $1 and role_id = any($2::uuid[]) returning role_id', [userId, removed.map(row => row.role_id)])
    refusedUnlessChanged(deleted, removed.length)
  }
  const added = ids.filter(id => !current.some(row => row.role_id === id))
  for (const roleId of added) {
    await tx.query('insert into public.user_roles (user_id, role_id, granted_by) values ($1, $2, $3)', [userId, roleId, actor.id])
  }
  return { added: names.filter(name => !current.some(row => row.name === name)), removed: removed.map(row => row.name) }
}

/** Sends Supabase's invitation e-mail; returns the new auth user's id. */
export type InviteStaffMember = (email: string, displayName: string | null) => Promise<{ id: string }>

/**
 * Creates a staff account. Embedded default: an auth.users row with the given
 * password, in the same transaction as its roles and audit row. Supabase: the
 * invitation e-mail through Supabase's admin API, then the roles.
 */
export async function createStaffUser(
  db: Database,
  actor: StaffUser,
  input: StaffUserCreate,
  accounts: { mode: 'local' } | { mode: 'supabase', invite: InviteStaffMember },
): Promise<StaffUserSummary> {
  assertPermission(actor, 'users.manage')
  const name = input.display_name ?? null
  if (accounts.mode === 'local') {
    if (!input.password) {
      throw apiError(422, 'validation_failed', 'Certains champs sont invalides.', { fields: { password: 'Choisissez un mot de passe d’au moins 12 caractères.' } })
    }
    const password = input.password
    return withPolicyErrors(() => db.transaction(async (tx) => {
      await actAsStaff(tx, actor)
      await assertDatabasePermission(tx, 'users.manage')
      // Back to the server's own role: auth.users is Supabase Auth's table, not the member's.
      await tx.query('select set_config(\'role\', \'none\', true)')
      const account = await createLocalAccount(tx, { email: input.email, password, displayName: name }).catch(rethrowTakenEmail)
      await actAsStaff(tx, actor)
      const { added } = await replaceRoles(tx, actor, account.id, input.roles)
      await recordStaffAction(tx, { actorId: actor.id, action: 'users.create', targetType: 'user', targetId: account.id, detail: { email: input.email, roles: added } })
      return (await findUser(tx, account.id))!
    }))
  }
  if (input.password) {
    throw apiError(422, 'validation_failed', 'Certains champs sont invalides.', { fields: { password: 'Avec Supabase, la personne invitée choisit elle-même son mot de passe.' } })
  }
  await asStaff(db, actor, async (tx) => {
    await assertDatabasePermission(tx, 'users.manage')
    await roleIds(tx, input.roles)
    const [taken] = await tx.query('select 1 from public.profiles where lower(email) = lower($1)', [input.email])
    if (taken) throw emailTaken()
  })
  const invited = await accounts.invite(input.email, name)
  return asStaff(db, actor, async (tx) => {
    // Supabase's insert into auth.users created the profile (on_auth_user_created).
    if (!await findUser(tx, invited.id)) throw new Error(`profile of invited user ${invited.id} missing: is DATABASE_URL the Supabase project's database?`)
    if (name) refusedUnlessChanged(await tx.query('update public.profiles set display_name = $2 where id = $1 returning id', [invited.id, name]))
    const { added } = await replaceRoles(tx, actor, invited.id, input.roles)
    await recordStaffAction(tx, { actorId: actor.id, action: 'users.invite', targetType: 'user', targetId: invited.id, detail: { email: input.email, roles: added } })
    return (await findUser(tx, invited.id))!
  })
}

const emailTaken = () => apiError(409, 'email_taken', 'Un compte existe déjà avec cette adresse e-mail.')

function rethrowTakenEmail(error: unknown): never {
  throw databaseErrorCode(error) === '23505' ? emailTaken() : error
}

export async function updateStaffUser(db: Database, actor: StaffUser, id: string, input: StaffUserUpdate): Promise<StaffUserSummary> {
  assertPermission(actor, 'users.manage')
  return asStaff(db, actor, async (tx) => {
    const before = await findUser(tx, id)
    if (!before) throw userNotFound()
    const detail: Record<string, unknown> = {}
    if (input.display_name !== undefined) {
      refusedUnlessChanged(await tx.query('update public.profiles set display_name = $2 where id = $1 returning id', [id, input.display_name]))
      detail.display_name = input.display_name
    }
    if (input.roles !== undefined) Object.assign(detail, await replaceRoles(tx, actor, id, input.roles))
    await recordStaffAction(tx, { actorId: actor.id, action: 'users.update', targetType: 'user', targetId: id, detail })
    return (await findUser(tx, id))!
  })
}

/**
 * Removes a member: their profile (and with it every role) goes at once, so
 * access ends in the same transaction. `removeAccount` then deletes the
 * sign-in account itself (auth.users locally, Supabase's admin API otherwise).
 */
export async function deleteStaffUser(
  db: Database,
  actor: StaffUser,
  id: string,
  removeAccount: { mode: 'local' } | { mode: 'supabase', remove?: (id: string) => Promise<void> },
): Promise<void> {
  assertPermission(actor, 'users.manage')
  if (id === actor.id) throw apiError(409, 'own_account', 'Vous ne pouvez pas supprimer votre propre compte.')
  await asStaff(db, actor, async (tx) => {
    const user = await findUser(tx, id)
    if (!user) throw userNotFound()
    refusedUnlessChanged(await tx.query('delete from public.profiles where id = $1 returning id', [id]))
    await recordStaffAction(tx, { actorId: actor.id, action: 'users.delete', targetType: 'user', targetId: id, detail: { email: user.email, roles: user.roles } })
    if (removeAccount.mode === 'local') {
      await tx.query('select set_config(\'role\', \'none\', true)')
      await deleteLocalAccount(tx, id)
    }
  })
  if (removeAccount.mode === 'supabase') await removeAccount.remove?.(id)
}

// Roles and permissions -------------------------------------------------------

/** Role names and their permissions are not secret to staff (roles_select policy). */
export async function listRoles(db: Database, actor: StaffUser, pagination: Pagination): Promise<Page<RoleSummary>> {
  const { limit, offset } = pageWindow(pagination)
  return asStaff(db, actor, async (tx) => {
    const [count] = await tx.query<{ total: number }>('select count(*)::int as total from public.roles')
    const items = await tx.query<RoleSummary>(`select ${ROLE_COLUMNS} from public.roles order by roles.is_system desc, roles.name limit $1 offset $2`, [limit, offset])
    return { items, page: pagination.page, page_size: pagination.page_size, total: count?.total ?? 0 }
  })
}

export async function listPermissions(db: Database, actor: StaffUser, pagination: Pagination): Promise<Page<PermissionSummary>> {
  const { limit, offset } = pageWindow(pagination)
  return asStaff(db, actor, async (tx) => {
    const [count] = await tx.query<{ total: number }>('select count(*)::int as total from public.permissions')
    const items = await tx.query<PermissionSummary>('select key, description from public.permissions order by key limit $1 offset $2', [limit, offset])
    return { items, page: pagination.page, page_size: pagination.page_size, total: count?.total ?? 0 }
  })
}

async function assertKnownPermissions(tx: SqlExecutor, keys: string[]) {
  const known = await tx.query<{ key: string }>('select key from public.permissions where key = any($1::text[])', [keys])
  const unknown = keys.filter(key => !known.some(row => row.key === key))
  if (unknown.length) {
    throw apiError(422, 'validation_failed', 'Certains champs sont invalides.', { fields: { permissions: `Permission inconnue : ${unknown.join(', ')}.` } })
  }
}

async function replacePermissions(tx: SqlExecutor, roleId: string, keys: string[]) {
  await assertKnownPermissions(tx, keys)
  const current = (await tx.query<{ permission: string }>('select permission from public.role_permissions where role_id = $1', [roleId])).map(row => row.permission)
  const removed = current.filter(key => !keys.includes(key))
  const added = keys.filter(key => !current.includes(key))
  if (removed.length) {
    refusedUnlessChanged(await tx.query('delete from public.role_permissions where role_id = $1 and permission = any($2::text[]) returning permission', [roleId, removed]), removed.length)
  }
  for (const key of added) await tx.query('insert into public.role_permissions (role_id, permission) values ($1, $2)', [roleId, key])
  return { added, removed }
}

const roleNameTaken = () => apiError(409, 'role_name_taken', 'Un rôle porte déjà ce nom.')

export async function createRole(db: Database, actor: StaffUser, input: RoleCreate): Promise<RoleSummary> {
  assertPermission(actor, 'roles.manage')
  return asStaff(db, actor, async (tx) => {
    const [taken] = await tx.query('select 1 from public.roles where name = $1', [input.name])
    if (taken) throw roleNameTaken()
    const [role] = await tx.query<{ id: string }>('insert into public.roles (name, description) values ($1, $2) returning id', [input.name, input.description])
    await replacePermissions(tx, role!.id, input.permissions)
    await recordStaffAction(tx, { actorId: actor.id, action: 'roles.create', targetType: 'role', targetId: role!.id, detail: { name: input.name, permissions: input.permissions } })
    return (await findRole(tx, role!.id))!
  })
}

/**
 * Renames, describes or re-permissions a role. A system role (admin) keeps its
 * name and every permission: the association must never lose its last key.
 */
export async function updateRole(db: Database, actor: StaffUser, id: string, input: RoleUpdate): Promise<RoleSummary> {
  assertPermission(actor, 'roles.manage')
  return asStaff(db, actor, async (tx) => {
    const before = await findRole(tx, id)
    if (!before) throw roleNotFound()
    const renamed = input.name !== undefined && input.name !== before.name
    const repermissioned = input.permissions !== undefined
      && (input.permissions.length !== before.permissions.length || input.permissions.some(key => !before.permissions.includes(key)))
    if (before.is_system && (renamed || repermissioned)) {
      throw apiError(409, 'system_role', `Le rôle « ${before.name} » est un rôle système : seule sa description peut changer.`)
    }
    const detail: Record<string, unknown> = {}
    if (renamed) {
      const [taken] = await tx.query('select 1 from public.roles where name = $1 and id <> $2', [input.name, id])
      if (taken) throw roleNameTaken()
      refusedUnlessChanged(await tx.query('update public.roles set name = $2 where id = $1 returning id', [id, input.name]))
      detail.name = { from: before.name, to: input.name }
    }
    if (input.description !== undefined) {
      refusedUnlessChanged(await tx.query('update public.roles set description = $2 where id = $1 returning id', [id, input.description]))
      detail.description = input.description
    }
    if (repermissioned) detail.permissions = await replacePermissions(tx, id, input.permissions!)
    await recordStaffAction(tx, { actorId: actor.id, action: 'roles.update', targetType: 'role', targetId: id, detail })
    return (await findRole(tx, id))!
  })
}
