/**
 * The project's nginx (docker/nginx/templates/default.conf.template) as a real
 * Debian nginx process: rendered the way the nginx image renders it, with
 * every path (cache, logs, temp files, pid) in a private directory and a
 * loopback port instead of 8080. Shared by the infrastructure tests, the
 * production-stack end-to-end test and the serving benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer as createNetServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { makeTempDir, readRepoFile, requireBinary, run } from './helpers.ts'

export const TEMPLATE_PATH = 'docker/nginx/templates/default.conf.template'

/** A refresh token of the accepted shape (the stacks generate theirs with `openssl rand -hex 32`). */
export const TEST_REFRESH_TOKEN = 'test-refresh-token-0123456789abcdef0123456789'

export function nginxBinary(): string {
  return requireBinary('nginx', 'apt-get install nginx-light', ['/usr/sbin/nginx'])
}

/**
 * envsubst as the nginx image's entrypoint runs it: only variables defined in
 * the environment are replaced, in both `$NAME` and `${NAME}` forms; anything
 * else (nginx's own `$host`, an undefined `${NAME}`) is left as written.
 */
export function envsubst(text: string, variables: Record<string, string>): string {
  return text.replace(/\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/g, (whole, braced?: string, bare?: string) => {
    const name = (braced ?? bare)!
    return Object.hasOwn(variables, name) ? variables[name]! : whole
  })
}

export interface RenderOptions {
  /** The container's environment: APP_UPSTREAM, CACHE_REFRESH_TOKEN. */
  variables: Record<string, string>
  port: number
  /** Stands for /var/cache/nginx, the shared cache volume. */
  cacheDir: string
  /** Stands for /var/log/nginx. */
  logDir: string
}

/** The server configuration the container would load, moved to local paths and a loopback port. */
export function renderTemplate({ variables, port, cacheDir, logDir }: RenderOptions, template = readRepoFile(TEMPLATE_PATH)): string {
  const rendered = envsubst(template, variables)
  for (const fixed of ['listen 8080;', '/var/cache/nginx/', '/var/log/nginx/']) {
    if (!rendered.includes(fixed)) throw new Error(`the template no longer contains "${fixed}": update tests/infra/nginx-edge.ts`)
  }
  return rendered
    .replace('listen 8080;', `listen 127.0.0.1:${port};`)
    .replaceAll('/var/cache/nginx/', `${cacheDir}/`)
    .replaceAll('/var/log/nginx/', `${logDir}/`)
}

/**
 * A complete nginx.conf around the rendered server configuration, like the
 * image's own (one http block including conf.d), with every path inside `dir`.
 * One process, no master: it runs as the current user and stops with it.
 */
export function writeNginxConfig(dir: string, serverConfig: string): string {
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi', 'logs', 'cache']) mkdirSync(join(dir, temp), { recursive: true })
  writeFileSync(join(dir, 'default.conf'), serverConfig)
  const config = join(dir, 'nginx.conf')
  writeFileSync(config, `
worker_processes 1;
daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log notice;
events { worker_connections 1024; }
http {
  default_type application/octet-stream;
  sendfile on;
  keepalive_timeout 65;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/default.conf;
}
`)
  return config
}

/** `nginx -t` on a configuration written by writeNginxConfig. */
export function nginxTest(dir: string, config: string) {
  return run(nginxBinary(), ['-t', '-p', dir, '-e', join(dir, 'error.log'), '-c', config])
}

export async function freePort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise(resolve => server.close(resolve))
  return port
}

export interface Edge {
  origin: string
  port: number
  /** Holds nginx.conf, logs/ and cache/ (the cache volume). */
  dir: string
  stop(): Promise<void>
  /** Stops and starts nginx again on the same configuration and cache directory. */
  restart(): Promise<void>
}

export interface EdgeOptions {
  /** host:port of the app (APP_UPSTREAM). */
  upstream: string
  refreshToken?: string
  port?: number
  /** Prefix of the process, e.g. ['taskset', '-c', '0'] to pin it to one core. */
  launcher?: string[]
  /** A change to the rendered configuration, for tests that take one feature away. */
  edit?: (serverConfig: string) => string
}

/** The project's nginx in front of `upstream`, ready when /nginx-health answers. */
export async function startEdge(options: EdgeOptions): Promise<Edge> {
  const port = options.port ?? await freePort()
  const dir = makeTempDir('edge')
  const rendered = renderTemplate({
    variables: { APP_UPSTREAM: options.upstream, CACHE_REFRESH_TOKEN: options.refreshToken ?? TEST_REFRESH_TOKEN },
    port,
    cacheDir: join(dir, 'cache'),
    logDir: join(dir, 'logs'),
  })
  const serverConfig = options.edit?.(rendered) ?? rendered
  if (serverConfig === rendered && options.edit) throw new Error('the edit changed nothing in the configuration')
  const config = writeNginxConfig(dir, serverConfig)
  const checked = nginxTest(dir, config)
  if (checked.status !== 0) throw new Error(`nginx -t failed:\n${checked.stderr}`)
  const origin = `http://127.0.0.1:${port}`
  let nginx: ChildProcess | undefined

  const start = async () => {
    const [command, ...args] = [...(options.launcher ?? []), nginxBinary(), '-p', dir, '-e', join(dir, 'error.log'), '-c', config]
    const child = spawn(command!, args, { stdio: 'ignore' })
    nginx = child
    for (let attempt = 0; attempt < 100; attempt++) {
      if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}; see ${dir}/error.log`)
      try {
        if ((await fetch(`${origin}/nginx-health`)).ok) return
      }
      catch { /* not listening yet */ }
      await new Promise(resolve => setTimeout(resolve, 50))
    }
    child.kill('SIGTERM')
    throw new Error(`nginx did not start on ${origin}`)
  }
  const stop = async () => {
    const child = nginx
    nginx = undefined
    if (!child || child.exitCode !== null) return
    const exited = new Promise(resolve => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }

  await start()
  return { origin, port, dir, stop, restart: async () => {
    await stop()
    await start()
  } }
}
