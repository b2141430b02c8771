import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A second production server (`node .output/server/index.mjs`, as `npm start`
 * runs it) with its own environment, for tests that need other content or a
 * broken content source than the main test server's. Each gets its own data
 * directory unless the test passes one: PGlite serves one process per directory.
 */
export async function startServer(port: number, env: Record<string, string>) {
  const origin = `http://127.0.0.1:${port}`
  const ownDataDir = env.NUXT_DATA_DIR ? undefined : mkdtempSync(join(tmpdir(), 'gpm-e2e-data-'))
  const server = spawn(process.execPath, ['.output/server/index.mjs'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...(ownDataDir && { NUXT_DATA_DIR: ownDataDir }), ...env },
    stdio: 'ignore',
  })
  const stop = () => {
    server.kill()
    if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true })
  }
  for (let attempt = 0; attempt < 150; attempt++) {
    if (server.exitCode !== null) throw new Error(`server on ${origin} exited with ${server.exitCode}`)
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return { origin, stop }
    }
    catch { /* still starting */ }
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  stop()
  throw new Error(`server on ${origin} did not start`)
}

/** A loopback port nothing listens on: taken, then released. */
export async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise(resolve => probe.close(resolve))
  return port
}
