/**
 * The migration runner: plain SQL files from supabase/migrations, named like
 * the Supabase CLI names them (`<14-digit timestamp>_<name>.sql`), recorded in
 * the CLI's own table (supabase_migrations.schema_migrations) so that
 * `supabase db push` and this runner agree on what is applied.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Database } from './client'

export interface Migration {
  version: string
  name: string
  sql: string
}

const FILE_NAME = /^(\d{14})_([a-z0-9_]+)\.sql$/

/** Parses migration files (name → content), sorted by version; refuses a misnamed file. */
export function parseMigrations(files: Record<string, string>): Migration[] {
  return Object.entries(files)
    .map(([file, sql]) => {
      const match = FILE_NAME.exec(file)
      if (!match) throw new Error(`supabase/migrations/${file}: expected <YYYYMMDDHHMMSS>_<snake_case_name>.sql`)
      return { version: match[1]!, name: match[2]!, sql }
    })
    .sort((a, b) => a.version.localeCompare(b.version))
}

export function readMigrationsDir(dir: string): Migration[] {
  const files = Object.fromEntries(readdirSync(dir)
    .filter(file => file.endsWith('.sql'))
    .map(file => [file, readFileSync(join(dir, file), 'utf8')]))
  return parseMigrations(files)
}

// Any constant: serialises concurrent runners (two replicas starting at once).
const LOCK_KEY = 4_703_221

/**
 * Applies the migrations not yet recorded, with their bookkeeping rows, in one
 * transaction: a failing migration leaves the database exactly as it was.
 * Running it again changes nothing. Returns the migrations it applied.
 */
export async function applyMigrations(db: Database, migrations: Migration[]): Promise<string[]> {
  await db.exec(`
    create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (
      version text primary key,
      statements text[],
      name text
    );
  `)
  return db.transaction(async (tx) => {
    // Transaction-scoped lock: released with the transaction, even on failure.
    await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY])
    const done = new Set((await tx.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).map(row => row.version))
    const applied: string[] = []
    for (const migration of migrations) {
      if (done.has(migration.version)) continue
      try {
        await tx.exec(migration.sql)
      }
      catch (error) {
        throw new Error(`migration ${migration.version}_${migration.name} failed: ${(error as Error).message}`, { cause: error })
      }
      await tx.query('insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)', [migration.version, migration.name, [migration.sql]])
      applied.push(`${migration.version}_${migration.name}`)
    }
    return applied
  })
}
