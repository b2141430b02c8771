/**
 * Traefik's static and dynamic configuration against the Traefik v3 schemas,
 * and the references between them: each environment's routers only use
 * entrypoints, middlewares, services and certificate resolvers that exist.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findRepoFiles, loadRepoYaml, makeTempDir, parseYaml, readRepoFile, removeTempDirs, schemaErrors } from './helpers'

afterAll(removeTempDirs)

type Router = { entryPoints?: string[], rule: string, middlewares?: string[], service: string, tls?: { certResolver?: string } }
type Dynamic = { http?: { routers?: Record<string, Router>, middlewares?: Record<string, unknown>, services?: Record<string, unknown> } }
type Static = { entryPoints: Record<string, unknown>, certificatesResolvers?: Record<string, unknown>, providers: Record<string, Record<string, unknown>> }

const staticFiles = ['traefik/traefik.yml', 'traefik/traefik.local.yml']
const dynamicFiles = findRepoFiles('traefik/dynamic', /\.ya?ml$/)
const environments = [
  { name: 'local', static: 'traefik/traefik.local.yml', hosts: ['localhost'] },
  { name: 'dev', static: 'traefik/traefik.yml', hosts: ['dev.gpm.as'] },
  { name: 'test', static: 'traefik/traefik.yml', hosts: ['test.gpm.as'] },
  { name: 'prod', static: 'traefik/traefik.yml', hosts: ['gpm.fr', 'www.gpm.fr'] },
] as const

/**
 * The dynamic configuration Traefik builds for one environment: the shared
 * files, its routers, and the app service (app.local.yml locally; on servers
 * deploy.sh writes app.yml with the same names, checked in deploy.test.ts).
 */
function dynamicFor(environment: string): Dynamic {
  const files = ['middlewares', 'services', 'internal', `routers.${environment}`, 'app.local']
  const merged: Required<NonNullable<Dynamic['http']>> = { routers: {}, middlewares: {}, services: {} }
  for (const file of files) {
    const http = (loadRepoYaml(`traefik/dynamic/${file}.yml`) as Dynamic).http ?? {}
    Object.assign(merged.routers, http.routers)
    Object.assign(merged.middlewares, http.middlewares)
    Object.assign(merged.services, http.services)
  }
  return { http: merged }
}

/** Writes a deliberately broken file to a temporary directory and reads it back as the validators would. */
function brokenFile(name: string, lines: string[]): unknown {
  const path = join(makeTempDir('traefik'), name)
  writeFileSync(path, lines.join('\n'))
  return parseYaml(readFileSync(path, 'utf8'), path)
}

/** What a router refers to that the configuration does not define ('' when all is there). */
function danglingReferences(dynamic: Dynamic, staticConfig: Static): string[] {
  const problems: string[] = []
  const http = dynamic.http ?? {}
  for (const [name, router] of Object.entries(http.routers ?? {})) {
    for (const entryPoint of router.entryPoints ?? []) {
      if (!(entryPoint in staticConfig.entryPoints)) problems.push(`router ${name}: unknown entrypoint ${entryPoint}`)
    }
    for (const middleware of router.middlewares ?? []) {
      const [middlewareName, provider = 'file'] = middleware.split('@')
      if (provider === 'file' && !(middlewareName! in (http.middlewares ?? {}))) problems.push(`router ${name}: unknown middleware ${middleware}`)
    }
    if (!(router.service in (http.services ?? {}))) problems.push(`router ${name}: unknown service ${router.service}`)
    const resolver = router.tls?.certResolver
    if (resolver && !(resolver in (staticConfig.certificatesResolvers ?? {}))) problems.push(`router ${name}: unknown certResolver ${resolver}`)
  }
  return problems
}

describe('Traefik static configuration validates against traefik-v3.json', () => {
  it.each(staticFiles)('%s', (path) => {
    expect(schemaErrors('traefik-v3', loadRepoYaml(path))).toBe('')
  })

  it('refuses a broken static configuration', () => {
    const broken = brokenFile('traefik.yml', [
      'entryPoints:',
      '  web:',
      '    adress: ":80"', // misspelt
      'providers:',
      '  docker:',
      '    exposedByDefault: "no"', // must be a boolean
    ])
    const errors = schemaErrors('traefik-v3', broken)
    expect(errors).toContain('adress')
    expect(errors).toContain('must be boolean')
  })
})

describe('servers: the static configuration does what the issue asks', () => {
  const servers = loadRepoYaml('traefik/traefik.yml') as Static & { accessLog: unknown, metrics: { prometheus: unknown } }

  it('listens on 80 and 443 and redirects HTTP to HTTPS', () => {
    expect(servers.entryPoints.web).toMatchObject({ address: ':80', http: { redirections: { entryPoint: { to: 'websecure', scheme: 'https' } } } })
    expect(servers.entryPoints.websecure).toMatchObject({ address: ':443', http: { tls: { certResolver: 'letsencrypt' } } })
  })

  it('gets certificates from Let\'s Encrypt over the HTTP challenge', () => {
    expect(servers.certificatesResolvers?.letsencrypt).toMatchObject({ acme: { storage: '/letsencrypt/acme.json', httpChallenge: { entryPoint: 'web' } } })
  })

  it('routes only labelled containers, writes access logs and exposes metrics internally', () => {
    expect(servers.providers.docker).toMatchObject({ exposedByDefault: false })
    expect(servers.providers.file).toMatchObject({ directory: '/etc/traefik/dynamic', watch: true })
    expect(servers.accessLog).toMatchObject({ format: 'json' })
    expect(servers.metrics.prometheus).toMatchObject({ entryPoint: 'ops' })
  })
})

describe('Traefik dynamic configuration validates against traefik-v3-file-provider.json', () => {
  it.each(dynamicFiles)('%s', (path) => {
    expect(schemaErrors('traefik-v3-file-provider', loadRepoYaml(path))).toBe('')
  })

  it('refuses a broken dynamic configuration', () => {
    const broken = brokenFile('dynamic.yml', [
      'http:',
      '  routers:',
      '    site:',
      '      rule: "Host(`gpm.fr`)"', // no service
      '      entrypoints: [websecure]', // wrong case
      '  middlewares:',
      '    retry:',
      '      retry:',
      '        attempts: "three"',
    ])
    const errors = schemaErrors('traefik-v3-file-provider', broken)
    expect(errors).toContain('service')
    expect(errors).toContain('entrypoints')
  })
})

describe.each(environments)('$name: routers refer only to what exists', ({ name, static: staticPath, hosts }) => {
  const dynamic = dynamicFor(name)
  const staticConfig = loadRepoYaml(staticPath) as Static

  it('has no dangling entrypoint, middleware, service or resolver', () => {
    expect(danglingReferences(dynamic, staticConfig)).toEqual([])
  })

  it('routes its host names to nginx with headers, compression and rate limiting', () => {
    const routers = Object.values(dynamic.http?.routers ?? {})
    for (const host of hosts) expect(routers.some(router => router.rule.includes(`Host(\`${host}\`)`)), host).toBe(true)
    const site = dynamic.http?.routers?.site
    expect(site).toMatchObject({ service: 'nginx' })
    expect(site?.middlewares).toEqual(expect.arrayContaining(['security-headers', 'compress', 'rate-limit']))
  })

  it('keeps /metrics internal: the edge refuses it', () => {
    const internal = dynamic.http?.routers?.['site-internal']
    expect(internal?.rule).toMatch(/&& Path\(`\/metrics`\)$/)
    expect(internal?.middlewares).toEqual(['internal-only'])
    expect(dynamic.http?.middlewares?.['internal-only']).toEqual({ ipAllowList: { sourceRange: ['127.0.0.1/32'] } })
  })

  it('retries idempotent requests only', () => {
    const routers = Object.entries(dynamic.http?.routers ?? {})
    const retrying = routers.filter(([, router]) => router.middlewares?.includes('retry-idempotent'))
    expect(retrying.map(([routerName]) => routerName)).toEqual(['app-idempotent'])
    expect(retrying[0]![1].rule).toBe('PathPrefix(`/`) && (Method(`GET`) || Method(`HEAD`) || Method(`OPTIONS`))')
  })

  it('health-checks every load-balanced service', () => {
    for (const [serviceName, service] of Object.entries(dynamic.http?.services ?? {})) {
      expect((service as { loadBalancer?: { healthCheck?: { path?: string } } }).loadBalancer?.healthCheck?.path, serviceName).toMatch(/^\//)
    }
  })
})

describe('security headers', () => {
  it('the edge sends the same values as the app (server/plugins/security-headers.ts)', () => {
    const plugin = readRepoFile('server/plugins/security-headers.ts')
    const appHeader = (name: string) => plugin.match(new RegExp(`'${name}': '([^']+)'`))?.[1]
    const edge = ((loadRepoYaml('traefik/dynamic/middlewares.yml') as Dynamic).http?.middlewares?.['security-headers'] as { headers: Record<string, unknown> }).headers
    expect(appHeader('strict-transport-security')).toBe(`max-age=${edge.stsSeconds}${edge.stsIncludeSubdomains ? '; includeSubDomains' : ''}`)
    expect(appHeader('referrer-policy')).toBe(edge.referrerPolicy)
    expect(appHeader('permissions-policy')).toBe(edge.permissionsPolicy)
    expect(appHeader('x-frame-options')).toBe(edge.frameDeny ? 'DENY' : undefined)
    expect(appHeader('x-content-type-options')).toBe(edge.contentTypeNosniff ? 'nosniff' : undefined)
    expect(appHeader('cross-origin-opener-policy')).toBe((edge.customResponseHeaders as Record<string, string>)['Cross-Origin-Opener-Policy'])
    // The app's CSP depends on run-time settings: the edge must not replace it.
    expect(edge.contentSecurityPolicy).toBeUndefined()
  })
})

describe('reference check', () => {
  it('reports a router that uses a missing middleware, service or entrypoint', () => {
    const staticConfig = loadRepoYaml('traefik/traefik.yml') as Static
    const dynamic: Dynamic = { http: { routers: { site: { entryPoints: ['webscure'], rule: 'Host(`gpm.fr`)', middlewares: ['headers-security'], service: 'ngnix', tls: { certResolver: 'le' } } }, middlewares: {}, services: {} } }
    expect(danglingReferences(dynamic, staticConfig)).toEqual([
      'router site: unknown entrypoint webscure',
      'router site: unknown middleware headers-security',
      'router site: unknown service ngnix',
      'router site: unknown certResolver le',
    ])
  })
})
