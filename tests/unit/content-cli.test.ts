import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  checkImportTarget,
  cliConfigPath,
  connectedProject,
  DEFAULT_CONTENT_DIR,
  exportCommand,
  findExportRoot,
  hasCliLogin,
  importCommand,
  installExport,
  parseExportArgs,
  parseImportArgs,
  ROOT,
  UsageError,
} from '../../scripts/content/lib/sanity-cli'

const work = mkdtempSync(join(tmpdir(), 'gpm-content-cli-test-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const loginConfig = join(work, 'login.json')
writeFileSync(loginConfig, JSON.stringify({ authToken: 'from-sanity-login' }))
const noLogin = join(work, 'absent.json')
const project = { projectId: 'abc123', auth: 'token' } as const

describe('content:export and content:import arguments', () => {
  it.each([
    [[], {}, { dataset: 'production', out: DEFAULT_CONTENT_DIR }],
    [[], { SANITY_STUDIO_DATASET: 'staging' }, { dataset: 'staging', out: DEFAULT_CONTENT_DIR }],
    [['--dataset', 'test'], { SANITY_STUDIO_DATASET: 'staging' }, { dataset: 'test', out: DEFAULT_CONTENT_DIR }],
    [['--dataset=test-2', '--out', 'backup/content.tar.gz'], {}, { dataset: 'test-2', out: '/repo/backup/content.tar.gz' }],
    [['--out=/tmp/export'], {}, { dataset: 'production', out: '/tmp/export' }],
  ])('export %j with %j', (argv, env, expected) => {
    expect(parseExportArgs(argv, env, '/repo')).toEqual(expected)
  })

  it.each([
    [[], {}, { dataset: 'production', source: join(DEFAULT_CONTENT_DIR, 'data.ndjson'), yes: false }],
    [['--yes'], {}, { dataset: 'production', source: join(DEFAULT_CONTENT_DIR, 'data.ndjson'), yes: true }],
    [['--dataset', 'staging', '--source', 'dump'], {}, { dataset: 'staging', source: '/repo/dump', yes: false }],
    [[], { SANITY_STUDIO_DATASET: 'test' }, { dataset: 'test', source: join(DEFAULT_CONTENT_DIR, 'data.ndjson'), yes: false }],
  ])('import %j with %j', (argv, env, expected) => {
    expect(parseImportArgs(argv, env, '/repo')).toEqual(expected)
  })

  it.each([
    [['--bogus'], 'Unknown argument "--bogus"'],
    [['production'], 'Unknown argument "production"'],
    [['--dataset'], '--dataset needs a value'],
    [['--dataset', '--out', 'x'], '--dataset needs a value'],
    [['--dataset', 'Prod'], '"Prod" is not a valid dataset name'],
    [['--dataset', 'a;rm -rf'], 'is not a valid dataset name'],
    [['--yes'], 'Unknown argument "--yes"'],
  ])('export refuses %j', (argv, message) => {
    expect(() => parseExportArgs(argv, {})).toThrow(UsageError)
    expect(() => parseExportArgs(argv, {})).toThrow(message)
  })

  it.each([
    [['--yes=no'], 'Unknown argument "--yes=no"'],
    [['--source'], '--source needs a value'],
  ])('import refuses %j', (argv, message) => {
    expect(() => parseImportArgs(argv, {})).toThrow(message)
  })
})

describe('a connected project is required', () => {
  it.each([
    [{}, 'SANITY_STUDIO_PROJECT_ID is not set'],
    [{ SANITY_STUDIO_PROJECT_ID: '  ', SANITY_AUTH_TOKEN: 't' }, 'SANITY_STUDIO_PROJECT_ID is not set'],
    [{ SANITY_AUTH_TOKEN: 't' }, 'SANITY_STUDIO_PROJECT_ID is not set'],
    [{ SANITY_STUDIO_PROJECT_ID: 'Bad Id!', SANITY_AUTH_TOKEN: 't' }, 'is not a Sanity project id'],
    [{ SANITY_STUDIO_PROJECT_ID: 'abc123' }, 'needs Sanity credentials: set SANITY_AUTH_TOKEN'],
    [{ SANITY_STUDIO_PROJECT_ID: 'abc123', SANITY_AUTH_TOKEN: ' ' }, 'needs Sanity credentials'],
  ])('refuses %j', (env, message) => {
    expect(() => connectedProject('content:export', env, noLogin)).toThrow(UsageError)
    expect(() => connectedProject('content:export', env, noLogin)).toThrow(message)
  })

  it('accepts a token', () => {
    expect(connectedProject('content:import', { SANITY_STUDIO_PROJECT_ID: 'abc123', SANITY_AUTH_TOKEN: 'sk' }, noLogin)).toEqual({ projectId: 'abc123', auth: 'token' })
  })

  it('accepts the session of `sanity login`', () => {
    expect(connectedProject('content:import', { SANITY_STUDIO_PROJECT_ID: 'abc123' }, loginConfig)).toEqual({ projectId: 'abc123', auth: 'login' })
  })

  it.each([
    ['{"authToken":"x"}', true],
    ['{"authToken":""}', false],
    ['{"telemetryConsent":"granted"}', false],
    ['not json', false],
  ])('a CLI config %s has a session: %s', (content, expected) => {
    const file = join(work, `config-${expected}-${content.length}.json`)
    writeFileSync(file, content)
    expect(hasCliLogin(file)).toBe(expected)
  })

  it('finds the CLI config where @sanity/cli-core keeps it', () => {
    expect(cliConfigPath({}, '/home/editor')).toBe('/home/editor/.config/sanity/config.json')
    expect(cliConfigPath({ SANITY_CLI_CONFIG_PATH: '/etc/sanity.json' }, '/home/editor')).toBe('/etc/sanity.json')
  })
})

describe('import into production needs --yes', () => {
  it.each([
    ['production', false, false],
    ['production', true, true],
    ['staging', false, true],
    ['production-copy', false, true],
  ])('%s with --yes=%s → allowed: %s', (dataset, yes, allowed) => {
    const check = () => checkImportTarget({ dataset, source: 'x', yes })
    if (allowed) expect(check).not.toThrow()
    else expect(check).toThrow('Refusing to import into the "production" dataset')
  })
})

describe('Sanity CLI command lines', () => {
  it('export: the dataset to an archive, for the configured project', () => {
    expect(exportCommand(project, 'production', '/tmp/x/production.tar.gz')).toEqual(['dataset', 'export', 'production', '/tmp/x/production.tar.gz', '--project-id', 'abc123', '--overwrite'])
  })

  it('import: replaces documents, dataset given as a flag', async () => {
    const file = join(DEFAULT_CONTENT_DIR, 'data.ndjson')
    expect(await importCommand(project, { dataset: 'staging', source: file, yes: false })).toEqual(['dataset', 'import', file, '--dataset', 'staging', '--project-id', 'abc123', '--replace'])
  })

  it('import: a folder means its data.ndjson (the CLI reads files, assets next to them)', async () => {
    expect((await importCommand(project, { dataset: 'staging', source: DEFAULT_CONTENT_DIR, yes: false }))[2]).toBe(join(DEFAULT_CONTENT_DIR, 'data.ndjson'))
  })

  it('import: a missing source is refused', async () => {
    await expect(importCommand(project, { dataset: 'staging', source: join(work, 'nothing'), yes: false })).rejects.toThrow('Nothing to import')
  })
})

describe('an export unpacked into the content folder', () => {
  /** A fresh folder laid out like Sanity's archive: `<dataset>-export-<date>/data.ndjson`… */
  function fakeExport(withFiles: boolean): string {
    const base = mkdtempSync(join(work, 'export-'))
    const root = join(base, 'production-export-2026-03-02t09-30-00-000z')
    mkdirSync(join(root, 'images'), { recursive: true })
    writeFileSync(join(root, 'data.ndjson'), '{"_id":"a","_type":"page"}\n{"_id":"b","_type":"post"}\n')
    writeFileSync(join(root, 'assets.json'), '{}')
    writeFileSync(join(root, 'images', 'new.jpg'), 'jpg')
    if (withFiles) {
      mkdirSync(join(root, 'files'))
      writeFileSync(join(root, 'files', 'guide.pdf'), 'pdf')
    }
    return base
  }

  function existingContent(): string {
    const dir = mkdtempSync(join(work, 'content-'))
    mkdirSync(join(dir, 'images'))
    mkdirSync(join(dir, 'files'))
    writeFileSync(join(dir, 'README.md'), '# kept')
    writeFileSync(join(dir, 'data.ndjson'), '{"_id":"old"}\n')
    writeFileSync(join(dir, 'images', 'old.jpg'), 'old')
    writeFileSync(join(dir, 'files', '.gitkeep'), '')
    writeFileSync(join(dir, 'files', 'old.pdf'), 'old')
    return dir
  }

  it('finds data.ndjson under Sanity’s dated folder', async () => {
    expect(await findExportRoot(fakeExport(true))).toMatch(/production-export-2026-03-02t09-30-00-000z$/)
    await expect(findExportRoot(mkdtempSync(join(work, 'empty-')))).rejects.toThrow('no data.ndjson')
  })

  it('replaces documents and assets, keeps the README and .gitkeep', async () => {
    const content = existingContent()
    const documents = await installExport(await findExportRoot(fakeExport(false)), content)
    expect(documents).toBe(2)
    expect(readdirSync(content).sort()).toEqual(['README.md', 'assets.json', 'data.ndjson', 'files', 'images'])
    expect(readFileSync(join(content, 'README.md'), 'utf8')).toBe('# kept')
    expect(readdirSync(join(content, 'images'))).toEqual(['new.jpg'])
    expect(readdirSync(join(content, 'files'))).toEqual(['.gitkeep'])
  })

  it('copies file assets when the export has some', async () => {
    const content = existingContent()
    await installExport(await findExportRoot(fakeExport(true)), content)
    expect(readdirSync(join(content, 'files')).sort()).toEqual(['.gitkeep', 'guide.pdf'])
  })

  it('unpacks a real tar.gz with the system tar, as content:export does', async () => {
    const archive = join(work, 'production.tar.gz')
    const source = fakeExport(true)
    expect(spawnSync('tar', ['-czf', archive, '-C', source, '.']).status).toBe(0)
    const unpacked = mkdtempSync(join(work, 'unpacked-'))
    expect(spawnSync('tar', ['-xzf', archive, '-C', unpacked]).status).toBe(0)
    const content = existingContent()
    expect(await installExport(await findExportRoot(unpacked), content)).toBe(2)
    expect(existsSync(join(content, 'files', 'guide.pdf'))).toBe(true)
  })
})

describe('the scripts stop before the network when not configured', () => {
  /** Runs a script with only PATH and an empty home: no project, no token, no `sanity login`. */
  function runScript(script: string, args: string[], env: Record<string, string> = {}) {
    return spawnSync(process.execPath, [join(ROOT, 'scripts/content', script), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: work, SANITY_CLI_CONFIG_PATH: noLogin, ...env },
      encoding: 'utf8',
      timeout: 20_000,
    })
  }

  it.each([
    ['export.ts', [], {}, 'Error: content:export needs a connected Sanity project: SANITY_STUDIO_PROJECT_ID is not set.'],
    ['import.ts', [], {}, 'Error: content:import needs a connected Sanity project: SANITY_STUDIO_PROJECT_ID is not set.'],
    ['export.ts', [], { SANITY_STUDIO_PROJECT_ID: 'abc123' }, 'Error: content:export needs Sanity credentials'],
    ['import.ts', [], { SANITY_STUDIO_PROJECT_ID: 'abc123', SANITY_AUTH_TOKEN: 'sk' }, 'Error: Refusing to import into the "production" dataset'],
    ['import.ts', ['--dataset', 'staging', '--source', 'nope'], { SANITY_STUDIO_PROJECT_ID: 'abc123', SANITY_AUTH_TOKEN: 'sk' }, 'Error: Nothing to import'],
    ['export.ts', ['--bogus'], {}, 'Error: Unknown argument "--bogus"'],
  ])('%s %j with %j exits 1: %s', (script, args, env, message) => {
    const result = runScript(script, args as string[], env as Record<string, string>)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(message)
    // The CLI never started: it would have printed what it was doing first.
    expect(result.stdout).not.toMatch(/Exporting|Importing/)
  })
})
