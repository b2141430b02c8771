/**
 * Every compose file (local stack, server stacks, overlays) against the
 * Compose Specification's JSON Schema, plus the rules the stacks promise:
 * replicas and resource limits, pinned images, variables declared in the
 * environment examples, and no secret in those examples.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findRepoFiles, loadRepoYaml, makeTempDir, parseYaml, readRepoFile, removeTempDirs, schemaErrors } from './helpers'

afterAll(removeTempDirs)

type Service = {
  image?: string
  build?: unknown
  deploy?: { replicas?: number | string, resources?: { limits?: { cpus?: string | number, memory?: string } } }
  [key: string]: unknown
}
type ComposeFile = { services?: Record<string, Service>, [key: string]: unknown }

const composeFiles = ['docker-compose.yml', ...findRepoFiles('docker', /^compose.*\.ya?ml$/)]
const environments = ['dev', 'test', 'prod'] as const

function loadCompose(path: string): ComposeFile {
  return loadRepoYaml(path) as ComposeFile
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Compose's merge of several files, for the keys these checks read (maps merge, the rest is replaced). */
function mergeCompose(...files: ComposeFile[]): ComposeFile {
  const merge = (base: unknown, overlay: unknown): unknown => {
    if (!isPlainObject(base) || !isPlainObject(overlay)) return overlay
    const merged: Record<string, unknown> = { ...base }
    for (const [key, value] of Object.entries(overlay)) merged[key] = key in merged ? merge(merged[key], value) : value
    return merged
  }
  return files.reduce<ComposeFile>((merged, file) => merge(merged, file) as ComposeFile, {})
}

function serverStack(environment: string): ComposeFile {
  return mergeCompose(
    loadCompose('docker/compose.base.yml'),
    loadCompose('docker/compose.monitoring.yml'),
    loadCompose('docker/compose.studio.yml'),
    loadCompose(`docker/${environment}/compose.yml`),
  )
}

function appStack(environment: string): ComposeFile {
  return mergeCompose(loadCompose('docker/compose.app.yml'), loadCompose(`docker/${environment}/compose.app.yml`))
}

/** KEY=value pairs of an env file, with the comment block above each key. */
function parseEnvExample(text: string): Map<string, { value: string, comment: string }> {
  const entries = new Map<string, { value: string, comment: string }>()
  let comment: string[] = []
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) comment.push(line)
    else if (/^[A-Z][A-Z0-9_]*=/.test(line)) {
      const [key, ...value] = line.split('=')
      entries.set(key!, { value: value.join('='), comment: comment.join('\n') })
      comment = []
    }
    else comment = []
  }
  return entries
}

/** Variables a compose file interpolates: ${NAME}, ${NAME:-x}, ${NAME:?x}. */
function interpolatedVariables(text: string): Set<string> {
  return new Set([...text.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map(match => match[1]!))
}

describe('compose files validate against compose-spec.json', () => {
  it('finds the local stack, the server stacks and every overlay', () => {
    expect(composeFiles).toEqual(expect.arrayContaining([
      'docker-compose.yml',
      'docker/compose.base.yml',
      'docker/compose.app.yml',
      'docker/compose.migrate.yml',
      'docker/compose.monitoring.yml',
      'docker/compose.studio.yml',
      ...environments.flatMap(environment => [`docker/${environment}/compose.yml`, `docker/${environment}/compose.app.yml`]),
    ]))
  })

  it.each(composeFiles)('%s', (path) => {
    expect(schemaErrors('compose-spec', loadCompose(path))).toBe('')
  })

  it('refuses a broken compose file', () => {
    const dir = makeTempDir('compose')
    const broken = join(dir, 'compose.yml')
    writeFileSync(broken, [
      'services:',
      '  app:',
      '    image: gpm-site:local',
      '    restart: unless-stopped',
      '    ports: 3000', // must be a list
      '    healtcheck:', // misspelt key
      '      test: ["CMD", "true"]',
    ].join('\n'))
    const errors = schemaErrors('compose-spec', parseYaml(readFileSync(broken, 'utf8'), broken))
    expect(errors).toMatch(/additional properties|must be array/)
    expect(errors).toContain('healtcheck')
  })
})

describe('the local stack', () => {
  const local = loadCompose('docker-compose.yml')

  it('runs app, nginx, Traefik and PostgreSQL, and serves http://localhost on port 80', () => {
    expect(Object.keys(local.services ?? {})).toEqual(expect.arrayContaining(['app', 'nginx', 'traefik', 'postgres']))
    expect(local.services?.traefik?.ports).toContain('80:80')
    const app = local.services?.app as { environment?: Record<string, string> }
    expect(app.environment?.NUXT_PUBLIC_SITE_URL).toBe('http://localhost')
  })

  it('builds the app from the repository Dockerfile, on the embedded dataset by default', () => {
    expect(local.services?.app?.build).toMatchObject({ context: '.', dockerfile: 'Dockerfile' })
    expect(readRepoFile('docker-compose.yml')).toContain('NUXT_PUBLIC_SANITY_PROJECT_ID: ${NUXT_PUBLIC_SANITY_PROJECT_ID:-}')
  })
})

describe('server stacks', () => {
  it.each(environments)('%s: every long-running service has CPU and memory limits', (environment) => {
    const services = { ...serverStack(environment).services, ...appStack(environment).services }
    const unlimited = Object.entries(services)
      .filter(([, service]) => !service.deploy?.resources?.limits?.memory || !service.deploy.resources.limits.cpus)
      .map(([name]) => name)
    expect(unlimited).toEqual([])
  })

  it('prod runs at least two app replicas per release; test mirrors it', () => {
    expect(Number(appStack('prod').services?.app?.deploy?.replicas)).toBeGreaterThanOrEqual(2)
    expect(Number(appStack('test').services?.app?.deploy?.replicas)).toBeGreaterThanOrEqual(2)
  })

  it('nginx keeps its cache in a named volume shared across restarts and releases', () => {
    const base = loadCompose('docker/compose.base.yml')
    expect(base.services?.nginx?.volumes).toContain('nginx-cache:/var/cache/nginx')
    expect(Object.keys(base.volumes as object)).toContain('nginx-cache')
  })

  it('has a backup job with retention and an off-host copy hook', () => {
    const backup = loadCompose('docker/compose.base.yml').services?.backup as { environment: Record<string, string> }
    expect(Object.keys(backup.environment)).toEqual(expect.arrayContaining(['BACKUP_RETENTION_DAYS', 'BACKUP_OFFSITE_COMMAND', 'BACKUP_AT']))
  })

  it('gives the backup job only variables its scripts read', () => {
    const backup = loadCompose('docker/compose.base.yml').services?.backup as { environment: Record<string, string> }
    const scripts = ['backup.sh', 'schedule.sh'].map(name => readRepoFile(`scripts/backup/${name}`)).join('\n')
    const unread = Object.keys(backup.environment)
      .filter(name => name.startsWith('BACKUP_') || name === 'PGPASSWORD_FILE')
      .filter(name => !scripts.includes(`\${${name}`))
    expect(unread).toEqual([])
  })

  it('keeps PostgreSQL on an internal network with no published port', () => {
    const base = loadCompose('docker/compose.base.yml')
    expect(base.services?.postgres?.ports).toBeUndefined()
    expect((base.networks as Record<string, { internal?: boolean }>).data?.internal).toBe(true)
  })
})

describe('images', () => {
  const images = composeFiles.flatMap(path => Object.entries(loadCompose(path).services ?? {})
    .filter(([, service]) => typeof service.image === 'string')
    .map(([name, service]) => [`${path}: ${name}`, service.image!] as const))

  it.each(images)('%s is pinned to a version (%s)', (_, image) => {
    if (image.startsWith('${')) return expect(image).toMatch(/^\$\{[A-Z_]+:\?/)
    expect(image).toMatch(/^[a-z0-9./-]+(?::[A-Za-z0-9._${}-]+)$/)
    expect(image).not.toMatch(/:latest$/)
  })
})

describe('environment examples', () => {
  // Set by scripts/deploy/deploy.sh for each command, not by the env file.
  const setByDeploy = new Set(['APP_IMAGE', 'APP_COLOR', 'APP_RELEASE', 'MIGRATE_IMAGE', 'STUDIO_IMAGE'])
  const serverFiles = findRepoFiles('docker', /^compose.*\.ya?ml$/)

  it.each(environments)('docker/%s/.env.example declares every variable the stack reads', (environment) => {
    const declared = parseEnvExample(readRepoFile(`docker/${environment}/.env.example`))
    const used = new Set(serverFiles.flatMap(path => [...interpolatedVariables(readRepoFile(path))]))
    const missing = [...used].filter(name => !declared.has(name) && !setByDeploy.has(name))
    expect(missing).toEqual([])
    expect(declared.get('GPM_ENV')?.value).toBe(environment)
  })

  it.each(environments)('docker/%s/.env.example holds no secret value', (environment) => {
    const declared = parseEnvExample(readRepoFile(`docker/${environment}/.env.example`))
    const secrets = [...declared].filter(([, entry]) => /\bsecret\b/.test(entry.comment))
    expect(secrets.map(([key]) => key)).toEqual(expect.arrayContaining(['POSTGRES_PASSWORD', 'SANITY_WEBHOOK_SECRET', 'GRAFANA_ADMIN_PASSWORD', 'DEPLOY_WEBHOOK_URL']))
    for (const [key, entry] of secrets) expect(entry.value, key).toBe('')
  })

  it('the env-file reader flags a filled-in secret and an undeclared variable', () => {
    const declared = parseEnvExample('# secret — token\nSANITY_READ_TOKEN=sk-live-123\nSITE_HOST=gpm.fr\n')
    expect(declared.get('SANITY_READ_TOKEN')).toEqual({ value: 'sk-live-123', comment: '# secret — token' })
    const used = interpolatedVariables('image: ${APP_IMAGE:?x}\nenvironment:\n  A: ${SITE_HOSTT:-}\n')
    expect([...used].filter(name => !declared.has(name) && !setByDeploy.has(name))).toEqual(['SITE_HOSTT'])
  })
})
