/**
 * scripts/deploy/deploy.sh against fake `docker` and `curl` commands placed
 * first on PATH. The fakes record every call and answer like a server would:
 * `docker compose ps` lists the release's containers, the edge (curl with
 * --resolve) answers with the X-GPM-Release of the app.yml Traefik would have
 * loaded. Each case asserts the recorded calls in order, the exit status, the
 * Traefik file and the state left on the "server".
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { makeTempDir, parseYaml, removeTempDirs, repoPath, repoRoot, run, schemaErrors } from './helpers'

afterAll(removeTempDirs)

const DEPLOY = repoPath('scripts/deploy/deploy.sh')
const IMAGE_1 = 'ghcr.io/gpm/gpm-site:sha-1111111'
const IMAGE_2 = 'ghcr.io/gpm/gpm-site:sha-2222222'
const MIGRATE_1 = 'ghcr.io/gpm/gpm-site-migrate:sha-1111111'
const WEBHOOK = 'https://chat.example.org/hooks/deploy'

const FAKE_DOCKER = String.raw`#!/usr/bin/env bash
# Fake docker: records the call (with the variables compose would interpolate), then answers.
{
  printf 'APP_IMAGE=%s APP_COLOR=%s MIGRATE_IMAGE=%s STUDIO_IMAGE=%s' "$APP_IMAGE" "$APP_COLOR" "$MIGRATE_IMAGE" "$STUDIO_IMAGE"
  printf '\t%s' "$@"
  printf '\n'
} >>"$FAKE_DOCKER_LOG"
project=""
command=""
args=("$@")
for ((i = 0; i < ${'$'}{#args[@]}; i++)); do
  case ${'$'}{args[i]} in
    --project-name) project=${'$'}{args[i + 1]} ;;
    up | down | ps | logs | stop | run | pull | inspect) [ -n "$command" ] || command=${'$'}{args[i]} ;;
  esac
done
case $command in
  pull) [[ " ${'$'}{FAKE_PULL_FAIL:-} " == *" ${'$'}{args[-1]} "* ]] && exit 1 ;;
  inspect) [[ " ${'$'}{FAKE_LOCAL_IMAGES:-} " == *" ${'$'}{args[-1]} "* ]] || exit 1 ;;
  up) if [[ " ${'$'}{FAKE_UNHEALTHY:-} " == *" $project "* ]]; then echo "container $project-app-1 is unhealthy" >&2; exit 1; fi ;;
  run) [ "${'$'}{FAKE_MIGRATION_FAIL:-0}" = 1 ] && { echo "migration 0003 failed" >&2; exit 1; } ;;
  ps) for ((n = 1; n <= ${'$'}{FAKE_REPLICAS:-2}; n++)); do echo "$project-app-$n"; done ;;
esac
exit 0
`

const FAKE_CURL = String.raw`#!/usr/bin/env bash
# Fake curl: records the call; the edge answers with the release of the app.yml Traefik watches.
{ printf '%s\t' "$@"; printf '\n'; } >>"$FAKE_CURL_LOG"
for arg in "$@"; do
  if [ "$arg" = --resolve ]; then
    release=${'$'}{FAKE_EDGE_RELEASE:-$(sed -n 's/^ *X-GPM-Release: "\(.*\)"$/\1/p' "$FAKE_TRAEFIK_DIR/app.yml" 2>/dev/null)}
    printf 'HTTP/2 200\r\ncontent-type: application/json\r\n'
    [ -z "$release" ] || printf 'x-gpm-release: %s\r\n' "$release"
    printf '\r\n'
    exit 0
  fi
done
[ "${'$'}{FAKE_WEBHOOK_FAIL:-0}" = 1 ] && exit 22
exit 0
`

type Server = { home: string, dockerLog: string, curlLog: string, traefikDir: string, stateFile: string }

function makeServer(environment = 'test'): Server {
  const home = makeTempDir('deploy')
  const bin = join(home, 'bin')
  mkdirSync(bin)
  writeFileSync(join(bin, 'docker'), FAKE_DOCKER)
  writeFileSync(join(bin, 'curl'), FAKE_CURL)
  chmodSync(join(bin, 'docker'), 0o755)
  chmodSync(join(bin, 'curl'), 0o755)
  writeFileSync(join(home, '.env'), [
    `GPM_ENV=${environment}`,
    `GPM_HOME=${home}`,
    'SITE_HOST=test.gpm.as',
    'SITE_URL=https://test.gpm.as',
    'POSTGRES_PASSWORD=',
    `DEPLOY_WEBHOOK_URL="${WEBHOOK}"`,
    '',
  ].join('\n'))
  return {
    home,
    dockerLog: join(home, 'docker.log'),
    curlLog: join(home, 'curl.log'),
    traefikDir: join(home, 'state', 'traefik'),
    stateFile: join(home, 'state', 'release.env'),
  }
}

function deploy(server: Server, args: string[], env: Record<string, string> = {}) {
  for (const log of [server.dockerLog, server.curlLog]) writeFileSync(log, '')
  const result = run('bash', [DEPLOY, ...args], {
    env: {
      PATH: `${join(server.home, 'bin')}:${process.env.PATH}`,
      HOME: server.home,
      GPM_HOME: server.home,
      HEALTH_TIMEOUT: '5',
      SWITCH_ATTEMPTS: '3',
      POLL_INTERVAL: '0',
      DRAIN_SECONDS: '0',
      LOCK_WAIT: '0',
      FAKE_DOCKER_LOG: server.dockerLog,
      FAKE_CURL_LOG: server.curlLog,
      FAKE_TRAEFIK_DIR: server.traefikDir,
      ...env,
    },
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, docker: dockerCalls(server), curl: curlCalls(server) }
}

type DockerCall = { summary: string, args: string[], env: Record<string, string> }

/** "pull <image>", "compose <project> <subcommand>", with the call's arguments and variables. */
function dockerCalls(server: Server): DockerCall[] {
  return readFileSync(server.dockerLog, 'utf8').split('\n').filter(Boolean).map((line) => {
    const [envPart, ...args] = line.split('\t')
    const env = Object.fromEntries(envPart!.split(' ').map(pair => pair.split('=') as [string, string]))
    let summary = args.join(' ')
    if (args[0] === 'compose') {
      const project = args[args.indexOf('--project-name') + 1]
      const subcommand = args.find(arg => ['up', 'down', 'ps', 'logs', 'stop', 'run'].includes(arg))
      summary = `compose ${project} ${subcommand}`
    }
    else if (args[0] === 'pull') summary = `pull ${args.at(-1)}`
    else if (args[0] === 'image') summary = `image inspect ${args.at(-1)}`
    return { summary, args, env }
  })
}

type CurlCall = { kind: 'edge' | 'webhook', args: string[], payload?: { text: string, status: string, environment: string } }

function curlCalls(server: Server): CurlCall[] {
  return readFileSync(server.curlLog, 'utf8').split('\n').filter(Boolean).map((line) => {
    const args = line.split('\t').filter(Boolean)
    if (args.includes('--resolve')) return { kind: 'edge', args }
    return { kind: 'webhook', args, payload: JSON.parse(args[args.indexOf('--data') + 1]!) }
  })
}

function state(server: Server): Record<string, string> {
  if (!existsSync(server.stateFile)) return {}
  return Object.fromEntries(readFileSync(server.stateFile, 'utf8').split('\n').filter(Boolean).map(line => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]))
}

function appConfig(server: Server): string {
  return readFileSync(join(server.traefikDir, 'app.yml'), 'utf8')
}

type AppYaml = { http: { middlewares: { 'release-header': { headers: { customResponseHeaders: Record<string, string> } } }, services: { app: { loadBalancer: { servers: Array<{ url: string }>, healthCheck: { path: string } } } } } }

/** A server where release 1 is live on blue. */
function serverWithBlueLive(): Server {
  const server = makeServer()
  const first = deploy(server, ['release', 'test', IMAGE_1, MIGRATE_1], { REVISION: '1'.repeat(40) })
  expect(first.status).toBe(0)
  return server
}

describe('deploy.sh: healthy path', () => {
  it('first release: shared services, migrations, then blue starts, becomes ready and takes the traffic', () => {
    const server = makeServer()
    const result = deploy(server, ['release', 'test', IMAGE_1, MIGRATE_1], { REVISION: '1'.repeat(40) })

    expect(result.stderr).toContain('release blue-sha-1111111 is live')
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('result=live\nrelease=blue-sha-1111111\n')
    expect(result.docker.map(call => call.summary)).toEqual([
      'compose gpm-test up',
      `pull ${MIGRATE_1}`,
      'compose gpm-test-migrate run',
      `pull ${IMAGE_1}`,
      'compose gpm-test-blue up',
      'compose gpm-test-blue ps',
    ])
    const [infra, , migrate, , up] = result.docker
    expect(infra!.args).toEqual(expect.arrayContaining(['--env-file', join(server.home, '.env'), '--wait', '--build', '--remove-orphans']))
    expect(infra!.args.filter(arg => arg.endsWith('.yml')).map(arg => relative(repoRoot, arg))).toEqual([
      'docker/compose.base.yml', 'docker/compose.monitoring.yml', 'docker/test/compose.yml',
    ])
    expect(migrate!.env.MIGRATE_IMAGE).toBe(MIGRATE_1)
    expect(migrate!.args.slice(-3)).toEqual(['run', '--rm', 'migrate'])
    expect(up!.env).toMatchObject({ APP_IMAGE: IMAGE_1, APP_COLOR: 'blue' })
    expect(up!.args).toEqual(expect.arrayContaining(['up', '--detach', '--wait', '--wait-timeout', '5']))
    expect(up!.args.filter(arg => arg.endsWith('.yml')).map(arg => relative(repoRoot, arg))).toEqual([
      'docker/compose.app.yml', 'docker/test/compose.app.yml',
    ])

    expect(result.curl.map(call => call.kind)).toEqual(['edge', 'webhook'])
    expect(result.curl[0]!.args).toEqual(expect.arrayContaining(['--resolve', 'test.gpm.as:443:127.0.0.1', 'https://test.gpm.as/healthz']))
    expect(result.curl[1]!.args.at(-1)).toBe(WEBHOOK)
    expect(result.curl[1]!.payload).toMatchObject({ status: 'success', environment: 'test' })
    expect(result.curl[1]!.payload!.text).toContain('blue-sha-1111111 is live')

    expect(state(server)).toMatchObject({ ACTIVE_COLOR: 'blue', ACTIVE_IMAGE: IMAGE_1, ACTIVE_RELEASE: 'blue-sha-1111111', ACTIVE_REVISION: '1'.repeat(40), PREVIOUS_COLOR: '' })
    expect(existsSync(join(server.home, 'state', 'deploy.lock'))).toBe(false)
  })

  it('writes a Traefik app.yml that the file-provider schema accepts, naming the new containers', () => {
    const server = serverWithBlueLive()
    const app = parseYaml(appConfig(server)) as AppYaml
    expect(schemaErrors('traefik-v3-file-provider', app)).toBe('')
    expect(app.http.services.app.loadBalancer.servers).toEqual([
      { url: 'http://gpm-test-blue-app-1:3000' },
      { url: 'http://gpm-test-blue-app-2:3000' },
    ])
    expect(app.http.services.app.loadBalancer.healthCheck.path).toBe('/healthz')
    expect(app.http.middlewares['release-header'].headers.customResponseHeaders).toEqual({ 'X-GPM-Release': 'blue-sha-1111111' })
    // Same names as the local stack's app.local.yml, which internal.yml's routers use.
    const local = parseYaml(readFileSync(repoPath('traefik/dynamic/app.local.yml'), 'utf8')) as AppYaml
    expect(Object.keys(app.http.services)).toEqual(Object.keys(local.http.services))
    expect(Object.keys(app.http.middlewares)).toEqual(Object.keys(local.http.middlewares))
    // The shared files and this environment's routers were copied beside it.
    for (const file of ['middlewares.yml', 'services.yml', 'internal.yml', 'routers.yml']) expect(existsSync(join(server.traefikDir, file)), file).toBe(true)
    expect(readFileSync(join(server.traefikDir, 'routers.yml'), 'utf8')).toContain('Host(`test.gpm.as`)')
  })

  it('next release: green starts beside blue, takes the traffic, then blue is stopped (kept for rollback)', () => {
    const server = serverWithBlueLive()
    const result = deploy(server, ['rollout', 'test', IMAGE_2], { REVISION: '2'.repeat(40) })

    expect(result.status).toBe(0)
    expect(result.docker.map(call => call.summary)).toEqual([
      `pull ${IMAGE_2}`,
      'compose gpm-test-green up',
      'compose gpm-test-green ps',
      'compose gpm-test-blue stop',
    ])
    expect(result.docker[1]!.env).toMatchObject({ APP_IMAGE: IMAGE_2, APP_COLOR: 'green' })
    // The old release is stopped with its own image, so compose does not see a change to apply.
    expect(result.docker[3]!.env).toMatchObject({ APP_IMAGE: IMAGE_1, APP_COLOR: 'blue' })
    expect(result.docker.some(call => call.summary.endsWith(' down'))).toBe(false)
    expect(appConfig(server)).toContain('http://gpm-test-green-app-1:3000')
    expect(state(server)).toMatchObject({
      ACTIVE_COLOR: 'green', ACTIVE_IMAGE: IMAGE_2, ACTIVE_REVISION: '2'.repeat(40),
      PREVIOUS_COLOR: 'blue', PREVIOUS_IMAGE: IMAGE_1, PREVIOUS_REVISION: '1'.repeat(40),
    })
  })

  it('rollback command: the previous image goes live again on its color, the faulty one is stopped', () => {
    const server = serverWithBlueLive()
    expect(deploy(server, ['rollout', 'test', IMAGE_2], { REVISION: '2'.repeat(40) }).status).toBe(0)
    const result = deploy(server, ['rollback', 'test'])

    expect(result.status).toBe(0)
    expect(result.docker.map(call => call.summary)).toEqual([
      `pull ${IMAGE_1}`,
      'compose gpm-test-blue up',
      'compose gpm-test-blue ps',
      'compose gpm-test-green stop',
    ])
    expect(state(server)).toMatchObject({ ACTIVE_COLOR: 'blue', ACTIVE_IMAGE: IMAGE_1, ACTIVE_REVISION: '1'.repeat(40), PREVIOUS_IMAGE: IMAGE_2 })
  })

  it('rolling the live image out again (new settings, rotated secret) switches color and keeps its revision', () => {
    const server = serverWithBlueLive()
    const result = deploy(server, ['rollout', 'test', IMAGE_1])
    expect(result.status).toBe(0)
    expect(result.docker.map(call => call.summary)).toEqual([`pull ${IMAGE_1}`, 'compose gpm-test-green up', 'compose gpm-test-green ps', 'compose gpm-test-blue stop'])
    expect(state(server)).toMatchObject({ ACTIVE_COLOR: 'green', ACTIVE_IMAGE: IMAGE_1, ACTIVE_RELEASE: 'green-sha-1111111', ACTIVE_REVISION: '1'.repeat(40) })
  })

  it('a rollback still works when the registry is down but the image is on the server', () => {
    const server = serverWithBlueLive()
    expect(deploy(server, ['rollout', 'test', IMAGE_2]).status).toBe(0)
    const result = deploy(server, ['rollback', 'test'], { FAKE_PULL_FAIL: IMAGE_1, FAKE_LOCAL_IMAGES: IMAGE_1 })
    expect(result.status).toBe(0)
    expect(result.docker.map(call => call.summary).slice(0, 3)).toEqual([`pull ${IMAGE_1}`, `image inspect ${IMAGE_1}`, 'compose gpm-test-blue up'])
  })

  it('an unreachable chat webhook does not fail a good deployment', () => {
    const server = serverWithBlueLive()
    const result = deploy(server, ['rollout', 'test', IMAGE_2], { FAKE_WEBHOOK_FAIL: '1' })
    expect(result.status).toBe(0)
    expect(result.stderr).toContain('warning: the success notification could not be delivered')
  })
})

describe('deploy.sh: rollback path', () => {
  it('new release never ready: traffic never moves, its containers are removed, the old release keeps serving', () => {
    const server = serverWithBlueLive()
    const before = { app: appConfig(server), state: state(server) }
    const result = deploy(server, ['rollout', 'test', IMAGE_2], { FAKE_UNHEALTHY: 'gpm-test-green' })

    expect(result.status).toBe(1)
    expect(result.docker.map(call => call.summary)).toEqual([
      `pull ${IMAGE_2}`,
      'compose gpm-test-green up',
      'compose gpm-test-green logs',
      'compose gpm-test-green down',
    ])
    // Blue is neither stopped nor touched; Traefik's file and the state are unchanged.
    expect(result.docker.some(call => call.summary.startsWith('compose gpm-test-blue'))).toBe(false)
    expect(appConfig(server)).toBe(before.app)
    expect(state(server)).toEqual(before.state)
    expect(result.curl.map(call => call.kind)).toEqual(['webhook'])
    expect(result.curl[0]!.payload).toMatchObject({ status: 'failure', environment: 'test' })
    expect(result.curl[0]!.payload!.text).toContain('did not become ready')
    expect(result.stderr).toContain('FAILED')
    expect(result.stdout).toBe('')
    expect(existsSync(join(server.home, 'state', 'deploy.lock'))).toBe(false)
  })

  it('switch not seen at the edge: Traefik gets the previous file back, the new release is removed', () => {
    const server = serverWithBlueLive()
    const before = appConfig(server)
    const result = deploy(server, ['rollout', 'test', IMAGE_2], { FAKE_EDGE_RELEASE: 'blue-sha-1111111' })

    expect(result.status).toBe(1)
    expect(result.docker.map(call => call.summary)).toEqual([
      `pull ${IMAGE_2}`,
      'compose gpm-test-green up',
      'compose gpm-test-green ps',
      'compose gpm-test-green down',
    ])
    expect(result.curl.map(call => call.kind)).toEqual(['edge', 'edge', 'edge', 'webhook'])
    expect(result.curl[3]!.payload!.text).toContain('did not serve green-sha-2222222')
    expect(appConfig(server)).toBe(before)
    expect(state(server).ACTIVE_COLOR).toBe('blue')
  })

  it('first release never ready: no Traefik file is left behind', () => {
    const server = makeServer()
    const result = deploy(server, ['rollout', 'test', IMAGE_1], { FAKE_UNHEALTHY: 'gpm-test-blue' })
    expect(result.status).toBe(1)
    expect(existsSync(join(server.traefikDir, 'app.yml'))).toBe(false)
    expect(state(server)).toEqual({})
  })

  it('failed migration: nothing is rolled out and the failure is reported', () => {
    const server = serverWithBlueLive()
    const result = deploy(server, ['release', 'test', IMAGE_2, 'ghcr.io/gpm/gpm-site-migrate:sha-2222222'], { FAKE_MIGRATION_FAIL: '1' })

    expect(result.status).toBe(1)
    expect(result.docker.map(call => call.summary)).toEqual([
      'compose gpm-test up',
      'pull ghcr.io/gpm/gpm-site-migrate:sha-2222222',
      'compose gpm-test-migrate run',
    ])
    expect(result.curl[0]!.payload).toMatchObject({ status: 'failure' })
    expect(result.curl[0]!.payload!.text).toContain('database migrations failed')
    expect(state(server).ACTIVE_IMAGE).toBe(IMAGE_1)
  })

  it('image that cannot be pulled: nothing starts', () => {
    const server = serverWithBlueLive()
    const result = deploy(server, ['rollout', 'test', IMAGE_2], { FAKE_PULL_FAIL: IMAGE_2 })
    expect(result.status).toBe(1)
    expect(result.docker.map(call => call.summary)).toEqual([`pull ${IMAGE_2}`, `image inspect ${IMAGE_2}`])
    expect(result.curl[0]!.payload!.text).toContain('cannot pull')
  })
})

describe('deploy.sh: guards', () => {
  it('a content refresh is skipped when a newer code release went live meanwhile', () => {
    const server = serverWithBlueLive()
    const result = deploy(server, ['rollout', 'test', 'ghcr.io/gpm/gpm-site:sha-0000000-content-1-test'], { REQUIRE_ACTIVE_REVISION: '0'.repeat(40) })
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('result=skipped\nrelease=blue-sha-1111111\n')
    expect(result.docker).toEqual([])
    expect(state(server).ACTIVE_IMAGE).toBe(IMAGE_1)
  })

  it('a content refresh of the live revision rolls out', () => {
    const server = serverWithBlueLive()
    const content = 'ghcr.io/gpm/gpm-site:sha-1111111-content-42-test'
    const result = deploy(server, ['rollout', 'test', content], { REQUIRE_ACTIVE_REVISION: '1'.repeat(40), REVISION: '1'.repeat(40) })
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('result=live\nrelease=green-sha-1111111-content-42-test\n')
    expect(state(server)).toMatchObject({ ACTIVE_IMAGE: content, ACTIVE_REVISION: '1'.repeat(40) })
  })

  it('refuses to run while another deployment holds the lock', () => {
    const server = serverWithBlueLive()
    mkdirSync(join(server.home, 'state', 'deploy.lock'))
    const result = deploy(server, ['rollout', 'test', IMAGE_2])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('another deployment holds')
    expect(result.docker).toEqual([])
    // The other deployment's lock is left alone.
    expect(existsSync(join(server.home, 'state', 'deploy.lock'))).toBe(true)
  })

  it('refuses an env file written for another environment', () => {
    const server = makeServer('prod')
    const result = deploy(server, ['rollout', 'test', IMAGE_1])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`is for 'prod', not 'test'`)
    expect(result.docker).toEqual([])
  })

  it('refuses an unknown environment and prints its usage without arguments', () => {
    const server = makeServer()
    expect(deploy(server, ['rollout', 'staging', IMAGE_1]).stderr).toContain(`unknown environment 'staging'`)
    const usage = deploy(server, [])
    expect(usage.status).toBe(2)
    expect(usage.stderr).toContain('usage: deploy.sh <command> <env> [args]')
  })

  it('status prints the releases and what the edge serves', () => {
    const server = serverWithBlueLive()
    const result = deploy(server, ['status', 'test'])
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('ACTIVE_RELEASE=blue-sha-1111111')
    expect(result.stdout).toContain('EDGE_RELEASE=blue-sha-1111111')
  })
})
