import { resolve } from 'node:path'
import { isError } from 'h3'
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

/** The database, or the visitor-facing 503 when it cannot be reached. */
export async function databaseOrUnavailable(): Promise<Database> {
  return useDatabase().catch(unavailable)
}

/**
 * Turns a database failure into a French 503 `{ detail, code }`; errors that
 * already carry an answer (validation, 4xx) go through unchanged.
 */
export function unavailable(error: unknown): never {
  if (isError(error)) throw error
  console.error('[db] unavailable:', (error as Error).message)
  throw apiError(503, 'database_unavailable', 'Le service est momentanément indisponible : votre envoi n’a pas été enregistré. Réessayez dans quelques minutes.')
}
