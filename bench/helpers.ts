/** What the benchmarks share: the embedded dataset's formations, and waiting for a server they started. */
import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { repoPath } from '../tests/infra/helpers.ts'

export interface Formation {
  id: string
  slug: string
  title: string
}

/** The published formations of the embedded dataset (content/data.ndjson). */
export function embeddedFormations(): Formation[] {
  const formations = readFileSync(repoPath('content/data.ndjson'), 'utf8').split('\n').filter(Boolean)
    .map(line => JSON.parse(line) as { _id: string, _type: string, title?: string, slug?: { current?: string } })
    .filter(document => document._type === 'formation' && !document._id.startsWith('drafts.') && document.slug?.current && document.title)
    .map(document => ({ id: document._id, slug: document.slug!.current!, title: document.title! }))
  if (!formations.length) throw new Error('the embedded dataset has no formation')
  return formations
}

/** Resolves once `url` answers 2xx; throws when `server` exits first or after 30 s. */
export async function waitForServer(url: string, server?: ChildProcess) {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (server && server.exitCode !== null) throw new Error(`${url}: the server exited with ${server.exitCode}`)
    try {
      if ((await fetch(url)).ok) return
    }
    catch { /* not listening yet */ }
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  throw new Error(`server not ready at ${url}`)
}
