/**
 * The stacks' nginx configuration (docker/nginx/templates/default.conf.template)
 * in a real nginx from Debian: rendered the way the nginx image renders it
 * (envsubst of APP_UPSTREAM), checked with `nginx -t`, then run in front of a
 * stand-in upstream to prove what it forwards. Issue 5 replaces this minimal
 * proxy with the caching configuration; these checks are the baseline.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http'
import { type AddressInfo, createServer as createNetServer } from 'node:net'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir, readRepoFile, removeTempDirs, requireBinary, run } from './helpers'

afterAll(removeTempDirs)

const template = readRepoFile('docker/nginx/templates/default.conf.template')

/** The template as the container renders it, listening on a free loopback port instead of 8080. */
function render(upstream: string, port: number): string {
  return template.replaceAll('${APP_UPSTREAM}', upstream).replace(/listen 8080;/, `listen 127.0.0.1:${port};`)
}

/** A complete nginx.conf around one server block, with every path inside `dir`. */
function writeConfig(dir: string, serverBlock: string): string {
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp), { recursive: true })
  writeFileSync(join(dir, 'default.conf'), serverBlock)
  const config = join(dir, 'nginx.conf')
  writeFileSync(config, `
worker_processes 1;
daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log notice;
events { worker_connections 64; }
http {
  access_log off;
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

function nginxTest(dir: string, config: string) {
  const nginx = requireBinary('nginx', 'apt-get install nginx-light', ['/usr/sbin/nginx'])
  return run(nginx, ['-t', '-p', dir, '-e', join(dir, 'error.log'), '-c', config])
}

/** A GET through node:http: fetch() may not set the Host header, and the edge always does. */
function get(port: number, path: string, headers: Record<string, string>): Promise<{ status: number, headers: IncomingHttpHeaders, body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        body += chunk
      })
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }))
    })
    request.on('error', reject)
    request.end()
  })
}

async function freePort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise(resolve => server.close(resolve))
  return port
}

describe('nginx -t', () => {
  it('accepts the rendered template', () => {
    const dir = makeTempDir('nginx')
    const result = nginxTest(dir, writeConfig(dir, render('127.0.0.1:3000', 18080)))
    expect(result.stderr).toContain('test is successful')
    expect(result.status).toBe(0)
  })

  it('keeps nginx variables for nginx: only APP_UPSTREAM is a template variable', () => {
    expect([...template.matchAll(/\$\{(\w+)\}/g)].map(match => match[1])).toEqual(['APP_UPSTREAM'])
  })

  it('refuses a broken configuration', () => {
    const dir = makeTempDir('nginx-broken')
    const broken = render('127.0.0.1:3000', 18081).replace('proxy_pass http://gpm_app;', 'proxy_pass http://gpm_app')
    const result = nginxTest(dir, writeConfig(dir, broken))
    expect(result.status).not.toBe(0)
    expect(result.stderr).toMatch(/emerg/)
  })
})

describe('nginx in front of the app', () => {
  let upstream: Server
  let nginx: ChildProcess
  let port = 0
  const seen: Array<{ url: string, method: string, headers: IncomingHttpHeaders }> = []

  beforeAll(async () => {
    upstream = createServer((request, response) => {
      seen.push({ url: request.url ?? '', method: request.method ?? '', headers: request.headers })
      response.setHeader('content-type', 'text/html; charset=utf-8')
      response.setHeader('x-gpm-release', 'blue-sha-1111111')
      response.end('<!doctype html><html lang="fr"><title>GPM</title></html>')
    })
    await new Promise<void>(resolve => upstream.listen(0, '127.0.0.1', resolve))
    const upstreamPort = (upstream.address() as AddressInfo).port
    port = await freePort()
    const dir = makeTempDir('nginx-run')
    const config = writeConfig(dir, render(`127.0.0.1:${upstreamPort}`, port))
    const binary = requireBinary('nginx', 'apt-get install nginx-light', ['/usr/sbin/nginx'])
    nginx = spawn(binary, ['-p', dir, '-e', join(dir, 'error.log'), '-c', config], { stdio: 'ignore' })
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/nginx-health`)).ok) return
      }
      catch {
        // not listening yet
      }
      await new Promise(resolve => setTimeout(resolve, 50))
    }
    throw new Error('nginx did not start')
  })

  afterAll(async () => {
    nginx?.kill('SIGTERM')
    await new Promise(resolve => upstream?.close(resolve))
  })

  it('answers its own health check without calling the app', async () => {
    const before = seen.length
    const response = await fetch(`http://127.0.0.1:${port}/nginx-health`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('ok\n')
    expect(seen.length).toBe(before)
  })

  it('forwards host, scheme and client chain from the edge, and the app\'s answer back', async () => {
    const response = await get(port, '/formations?categorie=management', {
      'host': 'gpm.fr',
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '203.0.113.9',
      'connection': 'close',
    })
    expect(response.status).toBe(200)
    expect(response.headers['x-gpm-release']).toBe('blue-sha-1111111')
    expect(response.headers.server).toBe('nginx')
    expect(response.body).toContain('<title>GPM</title>')
    const request = seen.at(-1)!
    expect(request.url).toBe('/formations?categorie=management')
    expect(request.headers.host).toBe('gpm.fr')
    expect(request.headers['x-forwarded-proto']).toBe('https')
    expect(request.headers['x-forwarded-host']).toBe('gpm.fr')
    expect(request.headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1')
    // Upstream keepalive: the client's Connection header is not passed on.
    expect(request.headers.connection).toBeUndefined()
  })

  it('refuses request bodies over 2 MB before they reach the app', async () => {
    const before = seen.length
    const response = await fetch(`http://127.0.0.1:${port}/api/webhooks/sanity`, { method: 'POST', body: 'x'.repeat(3 * 1024 * 1024) })
    expect(response.status).toBe(413)
    expect(seen.length).toBe(before)
  })
})
