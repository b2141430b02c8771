import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../server/database/client'
import { checkLocalPassword } from '../../server/database/local-auth'
import { applyMigrations, readMigrationsDir } from '../../server/database/migrations'

/**
 * `npm run db:create-user` on a PGlite data directory: it creates a confirmed
 * account with roles that the local sign-in accepts, and refuses wherever
 * accounts belong to Supabase Auth.
 */
const dirs: string[] = []
afterAll(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })))

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gpm-create-user-'))
  dirs.push(dir)
  return dir
}

function createUser(dir: string, args: string[], env: Record<string, string> = {}) {
  const { NUXT_PUBLIC_SUPABASE_URL: _url, DATABASE_URL: _database, NUXT_DATABASE_URL: _nuxtDatabase, ...inherited } = process.env
  return spawnSync(process.execPath, ['scripts/db/create-user.ts', ...args], { env: { ...inherited, NUXT_DATA_DIR: dir, ...env }, encoding: 'utf8' })
}

async function withDatabase<T>(dir: string, work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir: join(dir, 'pglite') })
  try {
    return await work(db)
  }
  finally {
    await db.close()
  }
}

describe('db:create-user', () => {
  // PGlite on disk takes seconds to create and migrate: one directory serves the cases that reach the database.
  const shared = dataDir()

  it('creates an account with its roles on a fresh data directory; --update resets the password', async () => {
    const dir = shared
    const created = createUser(dir, ['--email', 'Admin@GPM.test', '--password', 'correct horse battery', '--role', 'admin', '--name', 'Admin'])
    expect(created.stderr).toBe('')
    expect(created.status).toBe(0)
    expect(created.stdout).toContain('Created admin@gpm.test with role(s) admin')
    const again = createUser(dir, ['--email', 'admin@gpm.test', '--password', 'another good password'])
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('already has an account; pass --update')
    expect(createUser(dir, ['--email', 'admin@gpm.test', '--password', 'another good password', '--role', 'secretariat', '--update']).status).toBe(0)
    await withDatabase(dir, async (db) => {
      const account = await checkLocalPassword(db, 'admin@gpm.test', 'another good password')
      expect(account).not.toBeNull()
      const roles = await db.query<{ name: string }>('select roles.name from public.user_roles join public.roles on roles.id = role_id where user_id = $1 order by name', [account!.id])
      expect(roles.map(role => role.name)).toEqual(['admin', 'secretariat'])
      expect(await db.query('select display_name from public.profiles where id = $1', [account!.id])).toEqual([{ display_name: 'Admin' }])
    })
  })

  it.each([
    ['no e-mail', ['--password', 'correct horse battery'], '--email'],
    ['a short password', ['--email', 'a@gpm.test', '--password', 'short'], 'at least 12 characters'],
    ['an unknown role', ['--email', 'a@gpm.test', '--password', 'correct horse battery', '--role', 'wizard'], 'unknown role(s): wizard'],
  ])('refuses %s', (_, args, message) => {
    const result = createUser(shared, args)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(message)
  })

  it('refuses when Supabase Auth is configured', () => {
    const result = createUser(dataDir(), ['--email', 'a@gpm.test', '--password', 'correct horse battery'], { NUXT_PUBLIC_SUPABASE_URL: 'https://project.supabase.co' })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('invite staff from the Supabase dashboard')
  })

  it('refuses a database whose auth schema belongs to Supabase Auth', async () => {
    const dir = dataDir()
    await withDatabase(dir, async (db) => {
      await applyMigrations(db, readMigrationsDir('supabase/migrations'))
      await db.exec('create table auth.identities (id uuid primary key)')
    })
    const result = createUser(dir, ['--email', 'a@gpm.test', '--password', 'correct horse battery'])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('belongs to Supabase Auth')
    await withDatabase(dir, async db => expect(await db.query('select 1 from auth.users')).toEqual([]))
  })
})
