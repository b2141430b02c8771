/**
 * Every database test runs on both engines the platform supports: PGlite in
 * memory (the embedded default) and the real PostgreSQL server (CI's
 * 127.0.0.1:5432, TEST_DATABASE_URL to override), each in a fresh database
 * with the migrations applied.
 */
import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { type Database, openDatabase, type SqlExecutor } from '../../server/database/client'
import { applyMigrations, readMigrationsDir } from '../../server/database/migrations'

export const migrations = readMigrationsDir(resolve(import.meta.dirname, '../../supabase/migrations'))

const serverUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'

export interface TestDatabase {
  db: Database
  /** Closes the connection and drops the temporary database. */
  dispose(): Promise<void>
}

/** A new empty database on the engine; on the server, a uniquely named one. */
export async function createEmptyDatabase(engine: 'pglite' | 'postgres'): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const db = await openDatabase({ memory: true })
    return { db, dispose: () => db.close() }
  }
  const admin = await openDatabase({ url: serverUrl, maxConnections: 1 })
  const name = `gpm_test_${randomBytes(6).toString('hex')}`
  try {
    await admin.exec(`create database ${name}`)
  }
  finally {
    await admin.close()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const db = await openDatabase({ url: url.toString(), maxConnections: 4 })
  return {
    db,
    async dispose() {
      await db.close()
      const cleanup = await openDatabase({ url: serverUrl, maxConnections: 1 })
      try {
        await cleanup.exec(`drop database if exists ${name} with (force)`)
      }
      finally {
        await cleanup.close()
      }
    },
  }
}

export async function createMigratedDatabase(engine: 'pglite' | 'postgres'): Promise<TestDatabase> {
  const test = await createEmptyDatabase(engine)
  await applyMigrations(test.db, migrations)
  return test
}

export const engines = ['pglite', 'postgres'] as const

/** Sets the role and JWT claims for the rest of the current transaction, as Supabase's API does. */
export async function actAs(tx: SqlExecutor, role: 'anon' | 'authenticated' | 'service_role', sub?: string) {
  const claims = sub ? { sub, role } : { role }
  await tx.query('select set_config(\'request.jwt.claims\', $1, true), set_config(\'role\', $2, true)', [JSON.stringify(claims), role])
}

/** Creates an auth user (its profile follows by trigger) with the given roles; returns its id. */
export async function createStaffUser(db: Database, email: string, roles: string[]): Promise<string> {
  const [user] = await db.query<{ id: string }>('insert into auth.users (email) values ($1) returning id', [email])
  for (const role of roles) {
    await db.query('insert into public.user_roles (user_id, role_id) select $1, id from public.roles where name = $2', [user!.id, role])
  }
  return user!.id
}
