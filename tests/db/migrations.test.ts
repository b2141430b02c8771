/**
 * The migration runner and the schema's own guarantees, on PGlite and on the
 * real PostgreSQL: from zero, twice, atomically, and alongside what a
 * Supabase project already has.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { applyMigrations, parseMigrations } from '../../server/database/migrations'
import { createEmptyDatabase, createMigratedDatabase, createStaffUser, engines, migrations, type TestDatabase } from './harness'

describe('parseMigrations', () => {
  it('sorts by version and keeps names', () => {
    const parsed = parseMigrations({ '20260102000000_second.sql': 'b', '20260101000000_first.sql': 'a' })
    expect(parsed.map(migration => `${migration.version}:${migration.name}`)).toEqual(['20260101000000:first', '20260102000000:second'])
  })

  it.each(['2026_first.sql', '20260101000000-first.sql', '20260101000000_First.sql', 'first.sql'])('refuses the misnamed file %s', (file) => {
    expect(() => parseMigrations({ [file]: 'select 1' })).toThrow(/expected <YYYYMMDDHHMMSS>_<snake_case_name>\.sql/)
  })

  it('the repository\'s migrations are all well named', () => {
    expect(migrations.length).toBeGreaterThanOrEqual(3)
  })
})

describe.each(engines)('migrations on %s', (engine) => {
  let test: TestDatabase | undefined
  afterEach(async () => {
    await test?.dispose()
    test = undefined
  })

  it('apply from zero, record every version, and change nothing the second time', async () => {
    test = await createEmptyDatabase(engine)
    const first = await applyMigrations(test.db, migrations)
    expect(first).toEqual(migrations.map(migration => `${migration.version}_${migration.name}`))
    const schema = () => test!.db.query('select table_schema, table_name, column_name, data_type from information_schema.columns where table_schema in (\'public\', \'auth\') order by 1, 2, 3')
    const before = await schema()
    const policiesBefore = await test.db.query('select policyname from pg_policies order by 1')
    expect(await applyMigrations(test.db, migrations)).toEqual([])
    expect(await schema()).toEqual(before)
    expect(await test.db.query('select policyname from pg_policies order by 1')).toEqual(policiesBefore)
    const recorded = await test.db.query<{ version: string }>('select version from supabase_migrations.schema_migrations order by 1')
    expect(recorded.map(row => row.version)).toEqual(migrations.map(migration => migration.version))
  })

  it('a failing migration leaves the database as it was', async () => {
    test = await createEmptyDatabase(engine)
    const broken = [...migrations, { version: '29990101000000', name: 'broken', sql: 'create table public.half_done (id int); select * from no_such_table;' }]
    await expect(applyMigrations(test.db, broken)).rejects.toThrow(/29990101000000_broken failed/)
    const tables = await test.db.query('select 1 from pg_tables where schemaname = \'public\'')
    expect(tables).toEqual([])
    // The good ones apply once the broken one is gone.
    expect(await applyMigrations(test.db, migrations)).toHaveLength(migrations.length)
  })

  it('keeps what a Supabase project already defines (auth.uid(), auth.users)', async () => {
    test = await createEmptyDatabase(engine)
    await test.db.exec(`
      create schema auth;
      create table auth.users (id uuid primary key, email text, encrypted_password text, raw_user_meta_data jsonb, phone text);
      create function auth.uid() returns uuid language sql stable as $$ select '00000000-0000-0000-0000-00000000beef'::uuid $$;
    `)
    await applyMigrations(test.db, migrations)
    const [uid] = await test.db.query<{ uid: string }>('select auth.uid() as uid')
    expect(uid!.uid).toBe('00000000-0000-0000-0000-00000000beef')
    const columns = await test.db.query<{ column_name: string }>('select column_name from information_schema.columns where table_schema = \'auth\' and table_name = \'users\'')
    expect(columns.map(column => column.column_name)).toContain('phone')
  })
})

describe.each(engines)('schema guarantees on %s', (engine) => {
  let test: TestDatabase | undefined
  afterEach(async () => {
    await test?.dispose()
    test = undefined
  })

  it('creates a profile for every auth user and keeps e-mails unique whatever their case', async () => {
    test = await createMigratedDatabase(engine)
    const id = await createStaffUser(test.db, 'Marie@GPM.fr', [])
    expect(await test.db.query('select email from profiles where id = $1', [id])).toEqual([{ email: 'Marie@GPM.fr' }])
    await expect(test.db.query('insert into auth.users (email) values (\'marie@gpm.fr\')')).rejects.toThrow(/profiles_email_key/)
    await test.db.query('insert into newsletter_subscriptions (email) values (\'Lecteur@Example.org\')')
    await expect(test.db.query('insert into newsletter_subscriptions (email) values (\'lecteur@example.ORG\')')).rejects.toThrow(/newsletter_subscriptions_email_key/)
  })

  it.each([
    ['form_submissions', 'insert into form_submissions (name, email, message, status) values (\'a\', \'a@b.fr\', \'m\', \'lost\')'],
    ['form_submissions', 'insert into form_submissions (name, email, message) values (\'a\', \'pas-une-adresse\', \'m\')'],
    ['newsletter_subscriptions', 'insert into newsletter_subscriptions (email, status) values (\'a@b.fr\', \'confirmed\')'],
    ['outbox', 'insert into outbox (kind, payload, status) values (\'email\', \'{}\', \'lost\')'],
    ['outbox', 'insert into outbox (kind, payload) values (\'pigeon\', \'{}\')'],
    ['outbox', 'insert into outbox (kind, payload, attempts) values (\'email\', \'{}\', -1)'],
    ['publish_events', 'insert into publish_events (idempotency_key, dataset, status) values (\'k\', \'production\', \'done\')'],
    ['webhooks', 'insert into webhooks (name, url, secret, events) values (\'a\', \'http://insecure.example\', repeat(\'s\', 32), \'{x}\')'],
    ['roles', 'insert into roles (name) values (\'Not A Slug\')'],
  ])('refuses an invalid state in %s', async (_table, sql) => {
    test ??= await createMigratedDatabase(engine)
    await expect(test.db.query(sql)).rejects.toThrow(/violates check constraint/)
  })

  it('keeps updated_at current', async () => {
    test = await createMigratedDatabase(engine)
    const [row] = await test.db.query<{ id: string, updated_at: Date }>('insert into form_submissions (name, email, message, created_at, updated_at) values (\'a\', \'a@b.fr\', \'m\', now() - interval \'1 day\', now() - interval \'1 day\') returning id, updated_at')
    const [after] = await test.db.query<{ updated_at: Date }>('update form_submissions set status = \'handled\' where id = $1 returning updated_at', [row!.id])
    expect(after!.updated_at.getTime()).toBeGreaterThan(row!.updated_at.getTime())
  })

  it('indexes jsonb columns with GIN', async () => {
    test = await createMigratedDatabase(engine)
    const rows = await test.db.query<{ indexname: string }>('select indexname from pg_indexes where schemaname = \'public\' and indexdef ilike \'%using gin%\' order by 1')
    expect(rows.map(row => row.indexname)).toEqual(expect.arrayContaining([
      'audit_log_detail_idx', 'analytics_events_properties_idx', 'form_submissions_metadata_idx',
      'outbox_payload_idx', 'publish_event_stages_detail_idx', 'webhook_deliveries_payload_idx',
    ]))
  })
})
