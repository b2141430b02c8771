/**
 * `npm run db:migrate`: applies supabase/migrations to the database the
 * server would use — DATABASE_URL (or NUXT_DATABASE_URL: a Supabase project or
 * any PostgreSQL), else the embedded PGlite under NUXT_DATA_DIR (default
 * .data). Idempotent. The deployment runs it before switching releases.
 */
import { resolve } from 'node:path'
import { openDatabase } from '../../server/database/client.ts'
import { applyMigrations, readMigrationsDir } from '../../server/database/migrations.ts'

const root = resolve(import.meta.dirname, '../..')
const url = process.env.NUXT_DATABASE_URL || process.env.DATABASE_URL
const dataDir = resolve(process.env.NUXT_DATA_DIR || resolve(root, '.data'), 'pglite')
const target = url ? { url, maxConnections: 1 } : { dataDir }
// Never print the password of the URL.
const where = url ? `${new URL(url).host}${new URL(url).pathname}` : `PGlite at ${dataDir}`

const db = await openDatabase(target)
try {
  const applied = await applyMigrations(db, readMigrationsDir(resolve(root, 'supabase/migrations')))
  console.log(applied.length
    ? `Applied ${applied.length} migration(s) to ${where}:\n${applied.map(name => `  ${name}`).join('\n')}`
    : `${where} is up to date.`)
}
catch (error) {
  console.error(`Migrations failed on ${where}: ${(error as Error).message}`)
  process.exitCode = 1
}
finally {
  await db.close()
}
