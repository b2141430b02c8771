/**
 * Replicas telling each other to purge published routes, through the real
 * PostgreSQL server's LISTEN/NOTIFY (PGlite is one process: nothing to tell).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../server/database/client'
import { createPurgeBroadcast, purgePayload, type PurgeBroadcast } from '../../server/publish/purge-broadcast'

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'

describe('purge broadcast over PostgreSQL', () => {
  let db: Database
  const received: Record<'a' | 'b', (string[] | 'all')[]> = { a: [], b: [] }
  let replicaA: PurgeBroadcast
  let replicaB: PurgeBroadcast

  beforeAll(async () => {
    db = await openDatabase({ url, maxConnections: 2 })
    replicaA = createPurgeBroadcast({ url, onPurge: async routes => void received.a.push(routes) })
    replicaB = createPurgeBroadcast({ url, onPurge: async routes => void received.b.push(routes) })
    await Promise.all([replicaA.start(), replicaB.start()])
  })
  afterAll(async () => {
    await Promise.all([replicaA?.stop(), replicaB?.stop()])
    await db?.close()
  })

  const notify = (sql: string, params: unknown[]) => db.query(sql, params)

  it('the other replica purges the routes; the sender does not purge twice', async () => {
    expect(replicaA.listening() && replicaB.listening()).toBe(true)
    await replicaA.publish(notify, ['/', '/formations/a'])
    await expect.poll(() => received.b).toEqual([['/', '/formations/a']])
    expect(received.a).toEqual([])
  })

  it('"all" and lists too long for a notification purge everything', async () => {
    received.b.length = 0
    await replicaA.publish(notify, 'all')
    await replicaA.publish(notify, Array.from({ length: 500 }, (_, index) => `/formations/formation-numero-${index}`))
    await expect.poll(() => received.b).toEqual(['all', 'all'])
  })

  it('ignores a payload that is not a list of paths', async () => {
    received.b.length = 0
    await db.query('select pg_notify($1, $2)', ['gpm_route_purge', JSON.stringify({ origin: 'x', routes: ['javascript:alert(1)'] })])
    await db.query('select pg_notify($1, $2)', ['gpm_route_purge', 'not json'])
    await replicaA.publish(notify, ['/marker'])
    await expect.poll(() => received.b).toEqual([['/marker']])
  })

  it('a payload stays under the 8000-byte limit of NOTIFY', () => {
    expect(Buffer.byteLength(purgePayload('o', Array.from({ length: 2000 }, (_, index) => `/p/${index}`)))).toBeLessThan(8000)
    expect(JSON.parse(purgePayload('o', ['/a']))).toEqual({ origin: 'o', routes: ['/a'] })
  })
})
