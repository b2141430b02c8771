/**
 * What `content:export` and `content:import` share: their arguments, the
 * checks they make before touching the network, and the Sanity CLI calls
 * they run from the studio workspace. Plain Node (type stripping), no
 * dependencies, so the guards are unit-tested without a project.
 */
import { spawn } from 'node:child_process'
import { cp, mkdir, readdir, rm, stat } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
export const STUDIO_DIR = join(ROOT, 'studio')
export const DEFAULT_CONTENT_DIR = join(ROOT, 'content')
/** The CLI `sanity build` and `typegen` already use (the root workspace's bin). */
export const SANITY_BIN = join(ROOT, 'node_modules/.bin/sanity')

/** The dataset every environment uses unless told otherwise (studio/env.ts). */
export const DEFAULT_DATASET = 'production'

/** Sanity's rule for dataset names: lowercase letters, digits, `_` and `-`, 64 characters at most. */
const DATASET_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/

/** A refusal: an English message for the terminal, and exit code 1. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export type Env = Readonly<Record<string, string | undefined>>

export interface ExportOptions {
  dataset: string
  /** A folder (unpacked, like content/) or a `.tar.gz` file (Sanity's archive as is). */
  out: string
}

export interface ImportOptions {
  dataset: string
  /** An ndjson file (assets looked up next to it), a `.tar.gz` archive, or a folder holding data.ndjson. */
  source: string
  /** Confirms an import into `production`. */
  yes: boolean
}

const EXPORT_USAGE = 'Usage: npm run content:export -- [--dataset <name>] [--out <folder | file.tar.gz>]'
const IMPORT_USAGE = 'Usage: npm run content:import -- [--dataset <name>] [--source <folder | data.ndjson | file.tar.gz>] [--yes]'

/** `--name value` and `--name=value` options; flags without value are listed in `flags`. */
function parseOptions(argv: readonly string[], valued: readonly string[], flags: readonly string[], usage: string) {
  const values = new Map<string, string>()
  const set = new Set<string>()
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!
    const [name, inline] = argument.startsWith('--') ? argument.slice(2).split(/=(.*)/s, 2) : [undefined, undefined]
    if (name && valued.includes(name)) {
      const value = inline ?? argv[++index]
      if (!value || value.startsWith('--')) throw new UsageError(`--${name} needs a value.\n${usage}`)
      values.set(name, value)
    }
    else if (name && flags.includes(name) && inline === undefined) {
      set.add(name)
    }
    else {
      throw new UsageError(`Unknown argument "${argument}".\n${usage}`)
    }
  }
  return { values, flags: set }
}

function datasetName(option: string | undefined, env: Env): string {
  const dataset = option ?? (env.SANITY_STUDIO_DATASET || DEFAULT_DATASET)
  if (!DATASET_NAME.test(dataset)) {
    throw new UsageError(`"${dataset}" is not a valid dataset name (lowercase letters, digits, "_" and "-", 64 characters at most).`)
  }
  return dataset
}

export function parseExportArgs(argv: readonly string[], env: Env, cwd: string = process.cwd()): ExportOptions {
  const { values } = parseOptions(argv, ['dataset', 'out'], [], EXPORT_USAGE)
  const out = values.get('out')
  return { dataset: datasetName(values.get('dataset'), env), out: out ? resolve(cwd, out) : DEFAULT_CONTENT_DIR }
}

export function parseImportArgs(argv: readonly string[], env: Env, cwd: string = process.cwd()): ImportOptions {
  const { values, flags } = parseOptions(argv, ['dataset', 'source'], ['yes'], IMPORT_USAGE)
  const source = values.get('source')
  return {
    dataset: datasetName(values.get('dataset'), env),
    source: source ? resolve(cwd, source) : join(DEFAULT_CONTENT_DIR, 'data.ndjson'),
    yes: flags.has('yes'),
  }
}

/** Where the Sanity CLI keeps the session of `sanity login` (as @sanity/cli-core finds it). */
export function cliConfigPath(env: Env, home: string = homedir()): string {
  return env.SANITY_CLI_CONFIG_PATH || join(home, '.config', 'sanity', 'config.json')
}

/** Whether `sanity login` left a session the CLI will use. Only checks that a token is there. */
export function hasCliLogin(configPath: string): boolean {
  try {
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as { authToken?: unknown }
    return typeof config.authToken === 'string' && config.authToken.trim() !== ''
  }
  catch {
    return false
  }
}

export interface ConnectedProject {
  projectId: string
  /** How the CLI will authenticate: the SANITY_AUTH_TOKEN variable or the `sanity login` session. */
  auth: 'token' | 'login'
}

/**
 * The project the CLI will talk to, or a UsageError saying what to set.
 * Checked before anything runs, so a machine without a project (CI, a fresh
 * clone) gets a clear message instead of a login prompt or a network error.
 */
export function connectedProject(command: string, env: Env, configPath: string): ConnectedProject {
  const projectId = env.SANITY_STUDIO_PROJECT_ID?.trim()
  if (!projectId) {
    throw new UsageError(
      `${command} needs a connected Sanity project: SANITY_STUDIO_PROJECT_ID is not set.\n`
      + 'Set it to the project id shown on sanity.io/manage (README, "Connect a real Sanity project"). '
      + 'Without a project the site runs on the embedded dataset in content/, which needs no export or import.',
    )
  }
  if (!/^[a-z0-9-]+$/.test(projectId)) {
    throw new UsageError(`SANITY_STUDIO_PROJECT_ID "${projectId}" is not a Sanity project id (lowercase letters, digits and "-").`)
  }
  if (env.SANITY_AUTH_TOKEN?.trim()) return { projectId, auth: 'token' }
  if (hasCliLogin(configPath)) return { projectId, auth: 'login' }
  throw new UsageError(
    `${command} needs Sanity credentials: set SANITY_AUTH_TOKEN to a token of project ${projectId} `
    + '(sanity.io/manage → API → Tokens; Viewer rights are enough to export, Editor rights are needed to import), '
    + 'or run `npx sanity login` in studio/ once.',
  )
}

/** The dataset the site serves: an import there replaces live content, so it must be confirmed. */
export function checkImportTarget(options: ImportOptions): void {
  if (options.dataset === 'production' && !options.yes) {
    throw new UsageError(
      'Refusing to import into the "production" dataset: documents with the same ids are replaced and the live site shows them at once.\n'
      + 'Run again with --yes to confirm, or choose another dataset with --dataset <name>.',
    )
  }
}

/** `sanity dataset export` into `archive` (a .tar.gz), drafts and assets included. */
export function exportCommand(project: ConnectedProject, dataset: string, archive: string): string[] {
  return ['dataset', 'export', dataset, archive, '--project-id', project.projectId, '--overwrite']
}

/**
 * `sanity dataset import`, replacing documents with the same ids. The CLI
 * reads an ndjson file (assets resolved from its folder) or an archive, not
 * a folder, so a folder means its data.ndjson.
 */
export async function importCommand(project: ConnectedProject, options: ImportOptions): Promise<string[]> {
  const source = await stat(options.source).then(
    found => (found.isDirectory() ? join(options.source, 'data.ndjson') : options.source),
    () => {
      throw new UsageError(`Nothing to import: ${options.source} does not exist.`)
    },
  )
  return ['dataset', 'import', source, '--dataset', options.dataset, '--project-id', project.projectId, '--replace']
}

/** Runs the Sanity CLI from the studio workspace (its sanity.cli.ts), output to this terminal. */
export function runSanityCli(args: readonly string[], env: Env = process.env): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [SANITY_BIN, ...args], {
      cwd: STUDIO_DIR,
      env: { ...env, DO_NOT_TRACK: '1' },
      stdio: 'inherit',
    })
    child.on('error', reject)
    child.on('exit', code => (code === 0 ? resolvePromise() : reject(new Error(`sanity ${args.slice(0, 2).join(' ')} exited with code ${code}`))))
  })
}

/** Runs a command (here: `tar`), failing with its exit code. */
export function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', code => (code === 0 ? resolvePromise() : reject(new Error(`${command} exited with code ${code}`))))
  })
}

/** The folder of an unpacked export that holds data.ndjson (Sanity puts it under `<dataset>-export-<date>/`). */
export async function findExportRoot(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true })
  if (entries.some(entry => entry.isFile() && entry.name === 'data.ndjson')) return dir
  for (const entry of entries.filter(entry => entry.isDirectory())) {
    try {
      return await findExportRoot(join(dir, entry.name))
    }
    catch { /* not in this folder */ }
  }
  throw new Error(`no data.ndjson in the export unpacked at ${dir}`)
}

/** What an export holds; everything else in the content folder (its README) is kept. */
export const EXPORT_ENTRIES = ['data.ndjson', 'assets.json', 'images', 'files'] as const

/**
 * Replaces the dataset in `contentDir` by the unpacked export in `exportRoot`:
 * data.ndjson, assets.json, images/ and files/ (emptied, `.gitkeep` kept, when
 * the export has none). Returns the number of documents.
 */
export async function installExport(exportRoot: string, contentDir: string): Promise<number> {
  await mkdir(contentDir, { recursive: true })
  for (const entry of EXPORT_ENTRIES) {
    const target = join(contentDir, entry)
    const source = join(exportRoot, entry)
    const exported = await stat(source).then(() => true, () => false)
    if (entry === 'images' || entry === 'files') {
      await mkdir(target, { recursive: true })
      for (const name of await readdir(target)) {
        if (name !== '.gitkeep') await rm(join(target, name), { recursive: true, force: true })
      }
      if (exported) await cp(source, target, { recursive: true })
    }
    else {
      await rm(target, { force: true })
      if (exported) await cp(source, target)
    }
  }
  const data = readFileSync(join(contentDir, 'data.ndjson'), 'utf8')
  return data.split('\n').filter(line => line.trim() !== '').length
}

/** Prints a refusal in plain English and exits 1; anything else is a crash with its stack. */
export function exitOnUsageError(error: unknown): never {
  if (error instanceof UsageError) {
    console.error(`Error: ${error.message}`)
    process.exit(1)
  }
  throw error
}
