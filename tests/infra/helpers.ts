/**
 * Shared helpers of the infrastructure tests: paths, YAML, JSON Schema
 * validators and the external binaries they run (shellcheck, nginx, PostgreSQL
 * tools), each with a clear failure when missing instead of a skip.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { parseAllDocuments, parseDocument } from 'yaml'

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)))

/** The project keeps the schemas beside the repository: <repo>/../shared/schemas. */
export const schemasDir = resolve(repoRoot, '..', 'shared', 'schemas')

export function repoPath(...parts: string[]): string {
  return join(repoRoot, ...parts)
}

export function readRepoFile(path: string): string {
  return readFileSync(repoPath(path), 'utf8')
}

const tempDirs: string[] = []

/** A fresh directory under the system's temp dir, removed by removeTempDirs(). */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `gpm-infra-${prefix}-`))
  tempDirs.push(dir)
  return dir
}

/** Removes the directories this test file created (call it from afterAll). */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** Files under `dir` (repo-relative paths) whose name matches `pattern`, sorted. */
export function findRepoFiles(dir: string, pattern: RegExp): string[] {
  const root = repoPath(dir)
  if (!existsSync(root)) return []
  const found: string[] = []
  const walk = (current: string) => {
    for (const entry of readdirSync(current)) {
      if (entry === 'node_modules') continue
      const path = join(current, entry)
      if (statSync(path).isDirectory()) walk(path)
      else if (pattern.test(entry)) found.push(relative(repoRoot, path))
    }
  }
  walk(root)
  return found.sort()
}

/** Parses one YAML document; syntax errors and duplicate keys throw. */
export function parseYaml(text: string, name = 'yaml'): unknown {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true })
  if (document.errors.length > 0) {
    throw new Error(`${name}: ${document.errors.map(error => error.message).join('\n')}`)
  }
  return document.toJS({ maxAliasCount: 100 })
}

export function parseYamlStream(text: string, name = 'yaml'): unknown[] {
  return parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) throw new Error(`${name}: ${document.errors.map(error => error.message).join('\n')}`)
    return document.toJS()
  })
}

export function loadRepoYaml(path: string): unknown {
  return parseYaml(readRepoFile(path), path)
}

export type SchemaName = 'compose-spec' | 'traefik-v3' | 'traefik-v3-file-provider'

const validators = new Map<SchemaName, ValidateFunction>()

/**
 * A validator for one of the shared schemas. Formats are not checked (the
 * compose schema declares none we rely on, and Go durations are not a JSON
 * Schema format); `$schema` is dropped because the compose schema names the
 * draft-07 meta-schema by an https URL Ajv does not know.
 */
export function schemaValidator(name: SchemaName): ValidateFunction {
  const cached = validators.get(name)
  if (cached) return cached
  const path = join(schemasDir, `${name}.json`)
  if (!existsSync(path)) {
    throw new Error(`Schema ${path} is missing: the tests expect the project's shared schemas beside the repository (../shared/schemas).`)
  }
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  delete schema.$schema
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false })
  const validate = ajv.compile(schema)
  validators.set(name, validate)
  return validate
}

export function formatErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map(error => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`).join('\n')
}

/** Validation errors of `data` against a shared schema, as text ('' when valid). */
export function schemaErrors(name: SchemaName, data: unknown): string {
  const validate = schemaValidator(name)
  return validate(data) ? '' : formatErrors(validate.errors) || 'invalid'
}

/** Absolute path of a binary on PATH (or at one of `fallbacks`), or throws with what to install. */
export function requireBinary(name: string, install: string, fallbacks: string[] = []): string {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' })
  const path = found.status === 0 ? found.stdout.trim() : fallbacks.find(candidate => existsSync(candidate))
  if (!path) {
    throw new Error(`${name} is not installed: the infrastructure tests need it (${install}).`)
  }
  return path
}

export function run(command: string, args: string[], options: { cwd?: string, env?: NodeJS.ProcessEnv, input?: string, timeout?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd: options.cwd ?? repoRoot,
    env: options.env ?? process.env,
    input: options.input,
    encoding: 'utf8',
    timeout: options.timeout ?? 20_000,
  })
}
