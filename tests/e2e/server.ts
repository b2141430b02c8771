import { spawn } from 'node:child_process'
import { createServer } from 'node:net'

/**
 * A second production server (`node .output/server/index.mjs`, as `npm start`
 * runs it) with its own environment, for tests that need other content or a
 * broken content source than the main test server's.
 */
export async function startServer(port: number, env: Record<string, string>) {
  const origin = `http://127.0.0.1:${port}`
  const server = spawn(process.execPath, ['.output/server/index.mjs'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: 'ignore',
  })
  for (let attempt = 0; attempt < 150; attempt++) {
    if (server.exitCode !== null) throw new Error(`server on ${origin} exited with ${server.exitCode}`)
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return { origin, stop: () => server.kill() }
    }
    catch { /* still starting */ }
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  server.kill()
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
