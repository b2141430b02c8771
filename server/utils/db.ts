import { resolve } from 'node:path'
import { type Database, openDatabase } from '../database/client'
import { applyMigrations, type Migration, parseMigrations } from '../database/migrations'

export type { Database, DatabaseIdentity, JwtClaims, SqlExecutor } from '../database/client'

let database: Promise<Database> | undefined

/**
 * The server's database, opened on first use: PostgreSQL when DATABASE_URL (or
 * NUXT_DATABASE_URL) is set — Supabase in production, migrated by the deploy's
 * explicit `npm run db:migrate` — otherwise the embedded PGlite under
 * `<dataDir>/pglite`, migrated here at start so the site runs with no account.
 */
export function useDatabase(): Promise<Database> {
  database ??= connect().catch((error: unknown) => {
    // Next request tries again: the server comes back when the database does.
    database = undefined
    throw error
  })
  return database
}

/** Whether the database is an external server (no migrations at start). */
export function databaseUrl(): string {
  return useRuntimeConfig().databaseUrl || process.env.DATABASE_URL || ''
}

async function connect(): Promise<Database> {
  const url = databaseUrl()
  if (url) return openDatabase({ url })
  const dataDir = resolve(useRuntimeConfig().dataDir || '.data', 'pglite')
  const db = await openDatabase({ dataDir })
  const applied = await applyMigrations(db, await bundledMigrations())
  console.info(`[db] embedded PGlite at ${dataDir}${applied.length ? `, applied ${applied.join(', ')}` : ''}`)
  return db
}

/** supabase/migrations, bundled into the server build as server assets. */
async function bundledMigrations(): Promise<Migration[]> {
  const storage = useStorage('assets:migrations')
  const files: Record<string, string> = {}
  for (const key of await storage.getKeys()) {
    const sql = await storage.getItem<string>(key)
    if (typeof sql === 'string') files[key] = sql
  }
  return parseMigrations(files)
}

export async function closeDatabase() {
  const current = database
  database = undefined
  if (current) await (await current.catch(() => undefined))?.close()
}
