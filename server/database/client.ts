/**
 * One interface over the two PostgreSQL engines the platform runs on:
 * PGlite (embedded default, files under .data/) and a PostgreSQL server
 * reached through DATABASE_URL (Supabase in production, the local server in
 * tests). Plain module without Nuxt auto-imports: the migration CLI, the tests
 * and the Nitro server all use it.
 */
import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import pg from 'pg'

export interface SqlExecutor {
  /** One parameterised statement; returns its rows. */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
}

/**
 * Who a statement runs as, the way Supabase's API runs it: a database role
 * plus the JWT claims that `auth.uid()` and `auth.jwt()` read. Row-level
 * security applies to `anon` and `authenticated`; `service_role` bypasses it
 * and is reserved for what the server does on nobody's behalf (storing a form).
 */
export type DatabaseIdentity
  = | { role: 'anon' }
    | { role: 'authenticated', claims: JwtClaims }
    | { role: 'service_role' }

export interface JwtClaims {
  sub: string
  email?: string
  role?: string
  [claim: string]: unknown
}

export interface Database extends SqlExecutor {
  readonly engine: 'pglite' | 'postgres'
  /** Runs `work` in one transaction; rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>
  /** Runs `work` in one transaction as `identity` (role and claims are local to it). */
  as<T>(identity: DatabaseIdentity, work: (tx: SqlExecutor) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export type DatabaseOptions
  = | { url: string, maxConnections?: number }
    | { dataDir: string } // PGlite on disk
    | { memory: true } // PGlite in memory (tests)

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return 'url' in options ? openPostgres(options.url, options.maxConnections) : openPglite(options)
}

/** Sets the role and claims for the rest of the current transaction. */
async function assume(tx: SqlExecutor, identity: DatabaseIdentity) {
  const claims = identity.role === 'authenticated' ? { ...identity.claims, role: 'authenticated' } : { role: identity.role }
  // set_config(..., true) is transaction-local, like Supabase's PostgREST does it.
  await tx.query('select set_config(\'request.jwt.claims\', $1, true), set_config(\'role\', $2, true)', [JSON.stringify(claims), identity.role])
}

async function openPglite(options: { dataDir: string } | { memory: true }): Promise<Database> {
  if ('dataDir' in options) mkdirSync(options.dataDir, { recursive: true })
  const db = await PGlite.create({
    dataDir: 'dataDir' in options ? options.dataDir : undefined,
    extensions: { pg_trgm, pgcrypto, unaccent },
  })
  const executor = (target: Pick<PGlite, 'query' | 'exec'>): SqlExecutor => ({
    async query<Row>(text: string, params: unknown[] = []) {
      return (await target.query<Row>(text, params)).rows
    },
    async exec(sql: string) {
      await target.exec(sql)
    },
  })
  // PGlite has one connection: transactions queue behind each other, which is what we want.
  const transaction = <T>(work: (tx: SqlExecutor) => Promise<T>) => db.transaction(tx => work(executor(tx)))
  return {
    engine: 'pglite',
    ...executor(db),
    transaction,
    as: (identity, work) => transaction(async (tx) => {
      await assume(tx, identity)
      return work(tx)
    }),
    close: () => db.close(),
  }
}

async function openPostgres(url: string, maxConnections = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, connectionTimeoutMillis: 5000 })
  // An idle client losing its server (restart, failover) must not crash the process.
  pool.on('error', error => console.error('[db] idle connection lost:', error.message))
  const executor = (target: pg.Pool | pg.PoolClient): SqlExecutor => ({
    async query<Row>(text: string, params: unknown[] = []) {
      return (await target.query(text, params)).rows as Row[]
    },
    async exec(sql: string) {
      await target.query(sql)
    },
  })
  const transaction = async <T>(work: (tx: SqlExecutor) => Promise<T>) => {
    const client = await pool.connect()
    try {
      await client.query('begin')
      const result = await work(executor(client))
      await client.query('commit')
      return result
    }
    catch (error) {
      await client.query('rollback').catch(() => {})
      throw error
    }
    finally {
      client.release()
    }
  }
  return {
    engine: 'postgres',
    ...executor(pool),
    transaction,
    as: (identity, work) => transaction(async (tx) => {
      await assume(tx, identity)
      return work(tx)
    }),
    close: () => pool.end(),
  }
}
