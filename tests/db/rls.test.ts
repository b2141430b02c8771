/**
 * Row-level security, policy by policy, on PGlite and on the real PostgreSQL.
 * Each case runs inside a transaction as Supabase's API would run it (role +
 * request.jwt.claims), then rolls back. The last test drops each policy in
 * turn and checks that at least one case fails: no policy goes untested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SqlExecutor } from '../../server/database/client'
import { actAs, createMigratedDatabase, createStaffUser, engines, type TestDatabase } from './harness'

type Actor = 'admin' | 'secretariat' | 'editor' | 'nobody' | 'anon'

interface Fixture {
  users: Record<Exclude<Actor, 'anon'>, string>
  submissionId: string
  customRoleId: string
}

interface PolicyCase {
  policy: string
  as: Actor
  title: string
  run: (tx: SqlExecutor, fixture: Fixture) => Promise<void>
}

async function count(tx: SqlExecutor, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await tx.query<{ n: string | number }>(`select count(*) as n from (${sql}) as q`, params)
  return Number(row!.n)
}

/** Rows changed by an UPDATE/DELETE ... RETURNING 1. */
async function changed(tx: SqlExecutor, sql: string, params: unknown[] = []): Promise<number> {
  return (await tx.query(sql, params)).length
}

async function denied(work: Promise<unknown>) {
  await expect(work).rejects.toThrow(/row-level security|permission denied/)
}

const cases: PolicyCase[] = [
  { policy: 'profiles_select', as: 'nobody', title: 'a user sees their own profile only', run: async (tx, f) => {
    expect(await count(tx, 'select * from profiles')).toBe(1)
    expect(await count(tx, 'select * from profiles where id = $1', [f.users.nobody])).toBe(1)
  } },
  { policy: 'profiles_select', as: 'admin', title: 'a user manager sees every profile', run: async (tx) => {
    expect(await count(tx, 'select * from profiles')).toBe(4)
  } },
  { policy: 'profiles_update_own', as: 'nobody', title: 'a user renames themselves', run: async (tx, f) => {
    expect(await changed(tx, 'update profiles set display_name = \'Moi\' where id = $1 returning 1', [f.users.nobody])).toBe(1)
  } },
  { policy: 'profiles_update_managed', as: 'admin', title: 'a user manager renames someone else', run: async (tx, f) => {
    expect(await changed(tx, 'update profiles set display_name = \'Autre\' where id = $1 returning 1', [f.users.editor])).toBe(1)
  } },
  { policy: 'profiles_update_managed', as: 'secretariat', title: 'others cannot rename someone else', run: async (tx, f) => {
    expect(await changed(tx, 'update profiles set display_name = \'Autre\' where id = $1 returning 1', [f.users.editor])).toBe(0)
  } },
  { policy: 'profiles_delete', as: 'admin', title: 'a user manager deletes another profile but not their own', run: async (tx, f) => {
    expect(await changed(tx, 'delete from profiles where id = $1 returning 1', [f.users.editor])).toBe(1)
    expect(await changed(tx, 'delete from profiles where id = $1 returning 1', [f.users.admin])).toBe(0)
  } },
  { policy: 'roles_select', as: 'nobody', title: 'staff see the role names', run: async (tx) => {
    expect(await count(tx, 'select * from roles')).toBe(4)
  } },
  { policy: 'roles_insert', as: 'admin', title: 'a role manager creates a role', run: async (tx) => {
    expect(await changed(tx, 'insert into roles (name) values (\'benevoles\') returning 1')).toBe(1)
  } },
  { policy: 'roles_insert', as: 'secretariat', title: 'others cannot create a role', run: async (tx) => {
    await denied(tx.query('insert into roles (name) values (\'benevoles\')'))
  } },
  { policy: 'roles_update', as: 'admin', title: 'a role manager edits a role', run: async (tx, f) => {
    expect(await changed(tx, 'update roles set description = \'x\' where id = $1 returning 1', [f.customRoleId])).toBe(1)
  } },
  { policy: 'roles_update', as: 'secretariat', title: 'others cannot edit a role', run: async (tx, f) => {
    expect(await changed(tx, 'update roles set description = \'x\' where id = $1 returning 1', [f.customRoleId])).toBe(0)
  } },
  { policy: 'roles_delete', as: 'admin', title: 'a role manager deletes a custom role, never a system one', run: async (tx, f) => {
    expect(await changed(tx, 'delete from roles where id = $1 returning 1', [f.customRoleId])).toBe(1)
    expect(await changed(tx, 'delete from roles where name = \'admin\' returning 1')).toBe(0)
  } },
  { policy: 'permissions_select', as: 'nobody', title: 'staff see the permission list', run: async (tx) => {
    expect(await count(tx, 'select * from permissions')).toBeGreaterThanOrEqual(9)
  } },
  { policy: 'role_permissions_select', as: 'nobody', title: 'staff see what each role may do', run: async (tx) => {
    expect(await count(tx, 'select * from role_permissions')).toBeGreaterThan(0)
  } },
  { policy: 'role_permissions_insert', as: 'admin', title: 'a role manager grants a permission to a role', run: async (tx, f) => {
    expect(await changed(tx, 'insert into role_permissions (role_id, permission) values ($1, \'audit.read\') returning 1', [f.customRoleId])).toBe(1)
  } },
  { policy: 'role_permissions_insert', as: 'secretariat', title: 'others cannot grant permissions', run: async (tx, f) => {
    await denied(tx.query('insert into role_permissions (role_id, permission) values ($1, \'audit.read\')', [f.customRoleId]))
  } },
  { policy: 'role_permissions_delete', as: 'admin', title: 'a role manager revokes a permission', run: async (tx, f) => {
    expect(await changed(tx, 'delete from role_permissions where role_id = $1 returning 1', [f.customRoleId])).toBe(1)
  } },
  { policy: 'role_permissions_delete', as: 'secretariat', title: 'others cannot revoke permissions', run: async (tx, f) => {
    expect(await changed(tx, 'delete from role_permissions where role_id = $1 returning 1', [f.customRoleId])).toBe(0)
  } },
  { policy: 'user_roles_select', as: 'secretariat', title: 'a user sees their own roles only', run: async (tx) => {
    expect(await count(tx, 'select * from user_roles')).toBe(1)
  } },
  { policy: 'user_roles_select', as: 'admin', title: 'a user manager sees every assignment', run: async (tx) => {
    expect(await count(tx, 'select * from user_roles')).toBe(3)
  } },
  { policy: 'user_roles_insert', as: 'admin', title: 'a user manager assigns a role', run: async (tx, f) => {
    expect(await changed(tx, 'insert into user_roles (user_id, role_id) values ($1, $2) returning 1', [f.users.nobody, f.customRoleId])).toBe(1)
  } },
  { policy: 'user_roles_insert', as: 'secretariat', title: 'nobody else assigns roles (not even to themselves)', run: async (tx, f) => {
    await denied(tx.query('insert into user_roles (user_id, role_id) select $1, id from roles where name = \'admin\'', [f.users.secretariat]))
  } },
  { policy: 'user_roles_delete', as: 'admin', title: 'a user manager removes someone else’s role, never their own', run: async (tx, f) => {
    expect(await changed(tx, 'delete from user_roles where user_id = $1 returning 1', [f.users.editor])).toBe(1)
    expect(await changed(tx, 'delete from user_roles where user_id = $1 returning 1', [f.users.admin])).toBe(0)
  } },
  { policy: 'form_submissions_select', as: 'secretariat', title: 'the secretariat reads messages', run: async (tx) => {
    expect(await count(tx, 'select * from form_submissions')).toBe(1)
  } },
  { policy: 'form_submissions_select', as: 'editor', title: 'an editor does not read messages', run: async (tx) => {
    expect(await count(tx, 'select * from form_submissions')).toBe(0)
  } },
  { policy: 'form_submissions_update', as: 'secretariat', title: 'the secretariat marks a message handled', run: async (tx, f) => {
    expect(await changed(tx, 'update form_submissions set status = \'handled\' where id = $1 returning 1', [f.submissionId])).toBe(1)
  } },
  { policy: 'form_submissions_update', as: 'editor', title: 'an editor cannot change a message', run: async (tx, f) => {
    expect(await changed(tx, 'update form_submissions set status = \'handled\' where id = $1 returning 1', [f.submissionId])).toBe(0)
  } },
  { policy: 'newsletter_subscriptions_select', as: 'secretariat', title: 'the secretariat sees subscribers', run: async (tx) => {
    expect(await count(tx, 'select * from newsletter_subscriptions')).toBe(1)
  } },
  { policy: 'newsletter_subscriptions_select', as: 'editor', title: 'an editor does not see subscribers', run: async (tx) => {
    expect(await count(tx, 'select * from newsletter_subscriptions')).toBe(0)
  } },
  { policy: 'audit_log_select', as: 'admin', title: 'an auditor reads the audit log', run: async (tx) => {
    expect(await count(tx, 'select * from audit_log')).toBe(1)
  } },
  { policy: 'audit_log_select', as: 'secretariat', title: 'others do not read the audit log', run: async (tx) => {
    expect(await count(tx, 'select * from audit_log')).toBe(0)
  } },
  { policy: 'analytics_events_select', as: 'editor', title: 'an editor reads analytics', run: async (tx) => {
    expect(await count(tx, 'select * from analytics_events')).toBe(1)
  } },
  { policy: 'analytics_events_select', as: 'secretariat', title: 'the secretariat does not read analytics', run: async (tx) => {
    expect(await count(tx, 'select * from analytics_events')).toBe(0)
  } },
  { policy: 'webhooks_all', as: 'admin', title: 'a webhook manager reads and creates webhooks', run: async (tx) => {
    expect(await count(tx, 'select * from webhooks')).toBe(1)
    expect(await changed(tx, 'insert into webhooks (name, url, secret, events) values (\'b\', \'https://example.org/h\', repeat(\'s\', 32), \'{publish}\') returning 1')).toBe(1)
  } },
  { policy: 'webhooks_all', as: 'editor', title: 'others neither see nor create webhooks', run: async (tx) => {
    expect(await count(tx, 'select * from webhooks')).toBe(0)
    await denied(tx.query('insert into webhooks (name, url, secret, events) values (\'b\', \'https://example.org/h\', repeat(\'s\', 32), \'{publish}\')'))
  } },
  { policy: 'webhook_deliveries_select', as: 'admin', title: 'a webhook manager reads deliveries', run: async (tx) => {
    expect(await count(tx, 'select * from webhook_deliveries')).toBe(1)
  } },
  { policy: 'webhook_deliveries_select', as: 'editor', title: 'others do not read deliveries', run: async (tx) => {
    expect(await count(tx, 'select * from webhook_deliveries')).toBe(0)
  } },
  { policy: 'publish_events_select', as: 'editor', title: 'an editor follows publications', run: async (tx) => {
    expect(await count(tx, 'select * from publish_events')).toBe(1)
  } },
  { policy: 'publish_events_select', as: 'secretariat', title: 'the secretariat does not see the publish log', run: async (tx) => {
    expect(await count(tx, 'select * from publish_events')).toBe(0)
  } },
  { policy: 'publish_event_stages_select', as: 'editor', title: 'an editor sees each publication’s stages', run: async (tx) => {
    expect(await count(tx, 'select * from publish_event_stages')).toBe(1)
  } },
  { policy: 'publish_event_stages_select', as: 'secretariat', title: 'the secretariat does not see stages', run: async (tx) => {
    expect(await count(tx, 'select * from publish_event_stages')).toBe(0)
  } },
]

const TABLES = [
  'profiles', 'roles', 'permissions', 'role_permissions', 'user_roles', 'form_submissions',
  'newsletter_subscriptions', 'outbox', 'audit_log', 'analytics_events', 'webhooks',
  'webhook_deliveries', 'publish_events', 'publish_event_stages',
]

async function seed(test: TestDatabase): Promise<Fixture> {
  const { db } = test
  const users = {
    admin: await createStaffUser(db, 'admin@gpm.test', ['admin']),
    secretariat: await createStaffUser(db, 'Secretariat@GPM.test', ['secretariat']),
    editor: await createStaffUser(db, 'redaction@gpm.test', ['editor']),
    nobody: await createStaffUser(db, 'sans-role@gpm.test', []),
  }
  const [role] = await db.query<{ id: string }>('insert into roles (name) values (\'temporaire\') returning id')
  await db.query('insert into role_permissions (role_id, permission) values ($1, \'submissions.read\')', [role!.id])
  const [submission] = await db.query<{ id: string }>('insert into form_submissions (name, email, message) values (\'Ada\', \'ada@example.org\', \'Bonjour\') returning id')
  await db.query('insert into newsletter_subscriptions (email) values (\'lecteur@example.org\')')
  await db.query('insert into audit_log (actor_id, action) values ($1, \'users.create\')', [users.admin])
  await db.query('insert into analytics_events (name, path) values (\'page.view\', \'/\')')
  const [webhook] = await db.query<{ id: string }>('insert into webhooks (name, url, secret, events) values (\'a\', \'https://example.org/a\', repeat(\'s\', 32), \'{publish}\') returning id')
  await db.query('insert into webhook_deliveries (webhook_id, event, payload) values ($1, \'publish\', \'{}\')', [webhook!.id])
  const [event] = await db.query<{ id: string }>('insert into publish_events (idempotency_key, dataset) values (\'tx-1\', \'production\') returning id')
  await db.query('insert into publish_event_stages (publish_event_id, stage) values ($1, \'received\')', [event!.id])
  await db.query('insert into outbox (kind, payload) values (\'email\', \'{"to": "x@example.org"}\')')
  return { users, submissionId: submission!.id, customRoleId: role!.id }
}

/** Runs one case in a savepoint as its actor; returns the failure, if any. */
async function runCase(tx: SqlExecutor, fixture: Fixture, policyCase: PolicyCase): Promise<unknown> {
  await tx.query('savepoint policy_case')
  try {
    if (policyCase.as === 'anon') await actAs(tx, 'anon')
    else await actAs(tx, 'authenticated', fixture.users[policyCase.as])
    await policyCase.run(tx, fixture)
    return undefined
  }
  catch (error) {
    return error
  }
  finally {
    await tx.query('rollback to savepoint policy_case')
  }
}

/** Cases roll back: the transaction always ends in ROLLBACK. */
async function inRollback(test: TestDatabase, work: (tx: SqlExecutor) => Promise<void>) {
  await test.db.transaction(async (tx) => {
    await work(tx)
    throw new RolledBack()
  }).catch((error: unknown) => {
    if (!(error instanceof RolledBack)) throw error
  })
}
class RolledBack extends Error {}

describe.each(engines)('row-level security on %s', (engine) => {
  let test: TestDatabase
  let fixture: Fixture

  beforeAll(async () => {
    test = await createMigratedDatabase(engine)
    fixture = await seed(test)
  })
  afterAll(() => test?.dispose())

  it.each(TABLES)('RLS is enabled on %s', async (table) => {
    const [row] = await test.db.query<{ relrowsecurity: boolean }>('select relrowsecurity from pg_class where oid = $1::regclass', [`public.${table}`])
    expect(row?.relrowsecurity).toBe(true)
  })

  it('every table of the public schema is in the list above (a new table needs RLS and a test)', async () => {
    const rows = await test.db.query<{ tablename: string }>('select tablename from pg_tables where schemaname = \'public\' order by 1')
    expect(rows.map(row => row.tablename).sort()).toEqual([...TABLES].sort())
  })

  it.each(TABLES)('anon reads nothing from %s and writes nothing into it', async (table) => {
    await inRollback(test, async (tx) => {
      await actAs(tx, 'anon')
      expect(await count(tx, `select * from ${table}`)).toBe(0)
      await tx.query('savepoint insert_attempt')
      await denied(tx.query(`insert into ${table} default values`))
      await tx.query('rollback to savepoint insert_attempt')
    })
  })

  it('staff never read the outbox (no policy: server only)', async () => {
    await inRollback(test, async (tx) => {
      await actAs(tx, 'authenticated', fixture.users.admin)
      expect(await count(tx, 'select * from outbox')).toBe(0)
    })
  })

  it.each(cases.map(policyCase => [`${policyCase.policy}: ${policyCase.title}`, policyCase] as const))('%s', async (_title, policyCase) => {
    await inRollback(test, async (tx) => {
      const failure = await runCase(tx, fixture, policyCase)
      if (failure) throw failure
    })
  })

  it('every policy is covered: dropping any one of them makes a case fail', async () => {
    const policies = await test.db.query<{ tablename: string, policyname: string }>('select tablename, policyname from pg_policies where schemaname = \'public\' order by 1, 2')
    expect(policies.length).toBeGreaterThan(20)
    const survivors: string[] = []
    for (const { tablename, policyname } of policies) {
      const covering = cases.filter(policyCase => policyCase.policy === policyname)
      if (covering.length === 0) {
        survivors.push(`${policyname} (no case)`)
        continue
      }
      await inRollback(test, async (tx) => {
        await tx.query(`drop policy ${policyname} on public.${tablename}`)
        const failures = []
        for (const policyCase of covering) failures.push(await runCase(tx, fixture, policyCase))
        if (failures.every(failure => failure === undefined)) survivors.push(policyname)
      })
    }
    expect(survivors).toEqual([])
  })
})
