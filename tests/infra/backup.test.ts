/**
 * scripts/backup/backup.sh and restore.sh against the real PostgreSQL of the
 * test machine (127.0.0.1:5432, user postgres, trust authentication, as in
 * CI): a dump restored into an empty database reproduces every table's row
 * count and checksum; retention, the off-host hook, metrics and the refusals
 * (damaged dump, non-empty target, unreachable database) are checked too.
 */
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir, removeTempDirs, repoPath, requireBinary, run } from './helpers'

afterAll(removeTempDirs)

const PG = { PGHOST: process.env.GPM_TEST_PGHOST ?? '127.0.0.1', PGPORT: process.env.GPM_TEST_PGPORT ?? '5432', PGUSER: process.env.GPM_TEST_PGUSER ?? 'postgres' }
const suffix = `${process.pid}_${Date.now().toString(36)}`
const SOURCE = `gpm_backup_src_${suffix}`
const RESTORED = `gpm_backup_restored_${suffix}`
const OCCUPIED = `gpm_backup_occupied_${suffix}`
const databases = [SOURCE, RESTORED, OCCUPIED]

function psql(database: string, sql: string): string {
  const result = run('psql', ['--no-psqlrc', '--quiet', '--tuples-only', '--no-align', '--set', 'ON_ERROR_STOP=1', '--dbname', database, '--command', sql], { env: { ...process.env, ...PG } })
  if (result.status !== 0) throw new Error(`psql ${database}: ${result.stderr}`)
  return result.stdout.trim()
}

/** Row count and an order-independent checksum of every table. */
function fingerprint(database: string): Record<string, string> {
  const tables = psql(database, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`).split('\n').filter(Boolean)
  return Object.fromEntries(tables.map(table => [table, psql(database, `SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM public.${table} t`)]))
}

function script(name: 'backup.sh' | 'restore.sh', args: string[], env: Record<string, string>) {
  return run('bash', [repoPath('scripts/backup', name), ...args], { env: { ...process.env, ...PG, ...env }, timeout: 60_000 })
}

function dumpsIn(dir: string): string[] {
  return readdirSync(dir).filter(file => file.endsWith('.dump')).sort()
}

beforeAll(() => {
  for (const binary of ['psql', 'pg_dump', 'pg_restore']) requireBinary(binary, 'apt-get install postgresql-client')
  const reachable = run('pg_isready', ['--quiet'], { env: { ...process.env, ...PG } })
  if (reachable.status !== 0) {
    throw new Error(`PostgreSQL is not reachable at ${PG.PGHOST}:${PG.PGPORT} as ${PG.PGUSER}: start it (pg_ctlcluster --skip-systemctl-redirect 15 main start) or set GPM_TEST_PGHOST/PGPORT/PGUSER.`)
  }
  psql('postgres', `CREATE DATABASE ${SOURCE}`)
  psql(SOURCE, `
    CREATE TABLE formation (
      id bigserial PRIMARY KEY,
      slug text UNIQUE NOT NULL,
      title text NOT NULL,
      price_cents integer,
      starts_at timestamptz,
      tags text[],
      details jsonb
    );
    CREATE TABLE registration (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      formation_id bigint NOT NULL REFERENCES formation (id),
      email text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      receipt bytea
    );
    CREATE INDEX registration_formation ON registration (formation_id);
    CREATE VIEW formation_seats AS SELECT formation_id, count(*) AS taken FROM registration GROUP BY formation_id;
    INSERT INTO formation (slug, title, price_cents, starts_at, tags, details)
      SELECT 'formation-' || n, 'Formation n°' || n || ' — l’écoute « active »', n * 1250,
             timestamptz '2026-09-01 09:00+02' + n * interval '1 day', ARRAY['gpm', 'niveau-' || (n % 3)],
             jsonb_build_object('places', n % 20, 'lieu', 'Lyon', 'helloasso', 'https://www.helloasso.com/associations/gpm/evenements/f-' || n)
      FROM generate_series(1, 400) AS n;
    INSERT INTO registration (formation_id, email, receipt)
      SELECT 1 + n % 400, 'membre' || n || '@example.org', decode(md5(n::text), 'hex')
      FROM generate_series(1, 1500) AS n;
  `)
})

afterAll(() => {
  for (const database of databases) {
    run('psql', ['--no-psqlrc', '--quiet', '--dbname', 'postgres', '--command', `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`], { env: { ...process.env, ...PG } })
  }
})

describe('backup.sh', () => {
  it('dumps with pg_dump -Fc, checksums, prunes past retention, copies off-host and writes metrics', () => {
    const dir = makeTempDir('backups')
    const offsite = makeTempDir('offsite')
    const metrics = join(dir, 'metrics')
    // Four old dumps from 2020 and an unrelated file.
    for (const day of ['01', '02', '03', '04']) {
      const old = join(dir, `gpm-test-202001${day}T023000Z.dump`)
      writeFileSync(old, 'old')
      writeFileSync(`${old}.sha256`, 'old')
      utimesSync(old, new Date(`2020-01-${day}T02:30:00Z`), new Date(`2020-01-${day}T02:30:00Z`))
    }
    writeFileSync(join(dir, 'notes.txt'), 'kept')
    const before = Math.floor(Date.now() / 1000)

    const result = script('backup.sh', [], {
      PGDATABASE: SOURCE,
      BACKUP_DIR: dir,
      BACKUP_PREFIX: 'gpm-test',
      BACKUP_RETENTION_DAYS: '14',
      BACKUP_KEEP_MIN: '2',
      BACKUP_METRICS_DIR: metrics,
      BACKUP_OFFSITE_COMMAND: 'cp "$BACKUP_FILE" "$OFFSITE_DIR/"',
      OFFSITE_DIR: offsite,
    })
    expect(result.stderr).toContain('dump done')
    expect(result.status).toBe(0)

    const dumps = dumpsIn(dir)
    // The new dump, and the newest old one kept by BACKUP_KEEP_MIN=2; the others are pruned.
    expect(dumps).toHaveLength(2)
    expect(dumps[0]).toBe('gpm-test-20200104T023000Z.dump')
    const fresh = dumps[1]!
    expect(fresh).toMatch(/^gpm-test-\d{8}T\d{6}Z\.dump$/)
    expect(existsSync(join(dir, 'gpm-test-20200101T023000Z.dump.sha256'))).toBe(false)
    expect(existsSync(join(dir, 'notes.txt'))).toBe(true)
    expect(readdirSync(dir).some(file => file.endsWith('.partial'))).toBe(false)

    // A custom-format archive whose checksum file matches.
    expect(readFileSync(join(dir, fresh)).subarray(0, 5).toString()).toBe('PGDMP')
    expect(run('sha256sum', ['--check', '--status', `${fresh}.sha256`], { cwd: dir }).status).toBe(0)
    expect(readdirSync(offsite)).toEqual([fresh])

    const dumpMetrics = readFileSync(join(metrics, 'gpm_backup.prom'), 'utf8')
    const timestamp = Number(dumpMetrics.match(/^gpm_backup_last_success_timestamp_seconds (\d+)$/m)?.[1])
    expect(timestamp).toBeGreaterThanOrEqual(before)
    expect(dumpMetrics).toMatch(/^gpm_backup_last_size_bytes [1-9]\d*$/m)
    expect(readFileSync(join(metrics, 'gpm_backup_offsite.prom'), 'utf8')).toMatch(/^gpm_backup_offsite_enabled 1$/m)
  })

  it('keeps the dump and exits 2 when the off-host copy fails', () => {
    const dir = makeTempDir('backups')
    const result = script('backup.sh', [], { PGDATABASE: SOURCE, BACKUP_DIR: dir, BACKUP_METRICS_DIR: join(dir, 'metrics'), BACKUP_OFFSITE_COMMAND: 'echo "bucket unreachable" >&2; exit 3' })
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('off-host copy')
    expect(dumpsIn(dir)).toHaveLength(1)
    expect(existsSync(join(dir, 'metrics', 'gpm_backup.prom'))).toBe(true)
    expect(existsSync(join(dir, 'metrics', 'gpm_backup_offsite.prom'))).toBe(false)
  })

  it('fails without writing anything when the database cannot be dumped', () => {
    const dir = makeTempDir('backups')
    const result = script('backup.sh', [], { PGDATABASE: `gpm_missing_${suffix}`, BACKUP_DIR: dir, BACKUP_METRICS_DIR: join(dir, 'metrics') })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('pg_dump failed')
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('restore.sh', () => {
  let dump = ''

  beforeAll(() => {
    const dir = makeTempDir('restore')
    expect(script('backup.sh', [], { PGDATABASE: SOURCE, BACKUP_DIR: dir, BACKUP_PREFIX: 'gpm-test' }).status).toBe(0)
    dump = join(dir, dumpsIn(dir)[0]!)
  })

  it('restores into an empty PostgreSQL with the same row counts and checksums', () => {
    const result = script('restore.sh', [dump, RESTORED], {})
    expect(result.stderr).toContain('checksum ok')
    expect(result.status).toBe(0)
    const source = fingerprint(SOURCE)
    expect(Object.keys(source)).toEqual(['formation', 'registration'])
    expect(source.formation).toMatch(/^400:/)
    expect(source.registration).toMatch(/^1500:/)
    expect(fingerprint(RESTORED)).toEqual(source)
    // Views, indexes and sequences came back too: new rows continue the numbering.
    expect(psql(RESTORED, 'SELECT count(*) FROM formation_seats')).toBe('400')
    expect(psql(RESTORED, `SELECT count(*) FROM pg_indexes WHERE indexname = 'registration_formation'`)).toBe('1')
    expect(psql(RESTORED, `INSERT INTO formation (slug, title) VALUES ('nouvelle', 'Nouvelle') RETURNING id`)).toBe('401')
    expect(result.stderr).toContain('public.registration 1500')
  })

  it('refuses a database that already holds tables, and replaces it with --replace', () => {
    psql('postgres', `CREATE DATABASE ${OCCUPIED}`)
    psql(OCCUPIED, 'CREATE TABLE keep_me (id int); INSERT INTO keep_me VALUES (1)')
    const refused = script('restore.sh', [dump, OCCUPIED], {})
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain('already holds 1 table(s); use --replace')
    expect(psql(OCCUPIED, 'SELECT count(*) FROM keep_me')).toBe('1')

    const replaced = script('restore.sh', ['--replace', dump, OCCUPIED], {})
    expect(replaced.status).toBe(0)
    expect(fingerprint(OCCUPIED)).toEqual(fingerprint(SOURCE))
  })

  it('refuses a damaged dump before touching any database', () => {
    const damaged = join(makeTempDir('damaged'), 'gpm-test-damaged.dump')
    const bytes = readFileSync(dump)
    bytes[Math.floor(bytes.length / 2)] ^= 0xff
    writeFileSync(damaged, bytes)
    writeFileSync(`${damaged}.sha256`, readFileSync(`${dump}.sha256`, 'utf8').replace(/ .*$/s, '  gpm-test-damaged.dump\n'))
    const target = `gpm_backup_never_${suffix}`
    const result = script('restore.sh', [damaged, target], {})
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('checksum mismatch')
    expect(psql('postgres', `SELECT count(*) FROM pg_database WHERE datname = '${target}'`)).toBe('0')
  })
})
