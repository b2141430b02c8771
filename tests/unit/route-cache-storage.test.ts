import { createStorage } from 'unstorage'
import { describe, expect, it } from 'vitest'
import { purgeRouteCache, routeCacheKey } from '../../server/publish/route-cache'
import { boundedMemoryDriver } from '../../server/storage/bounded-memory'

describe('bounded route cache storage', () => {
  const entry = (n: number) => ({ value: { body: `<p>${n}</p>` }, expires: Date.now() + 60_000 })

  it('keeps at most maxEntries pages, dropping the least recently used', async () => {
    const storage = createStorage({ driver: boundedMemoryDriver({ maxEntries: 3 }) })
    for (const n of [1, 2, 3]) await storage.setItem(`cache:nitro:routes:_:page${n}.json`, entry(n))
    // Reading page1 makes page2 the least recently used.
    expect(await storage.getItem('cache:nitro:routes:_:page1.json')).toMatchObject({ value: { body: '<p>1</p>' } })
    await storage.setItem('cache:nitro:routes:_:page4.json', entry(4))
    expect((await storage.getKeys()).sort()).toEqual(['cache:nitro:routes:_:page1.json', 'cache:nitro:routes:_:page3.json', 'cache:nitro:routes:_:page4.json'])
    expect(await storage.getItem('cache:nitro:routes:_:page2.json')).toBeNull()
  })

  it('a flood of distinct query strings stays within the bound', async () => {
    const storage = createStorage({ driver: boundedMemoryDriver({ maxEntries: 100 }) })
    for (let n = 0; n < 5000; n++) await storage.setItem(`cache:nitro:routes:_:${routeCacheKey(`/formations/x?flood=${n}`)}.json`, entry(n))
    expect((await storage.getKeys()).length).toBe(100)
  })

  it('purging a published route removes its pages from it', async () => {
    const storage = createStorage()
    storage.mount('cache', boundedMemoryDriver({ maxEntries: 10 }))
    const key = (url: string) => `cache:nitro:routes:_:${routeCacheKey(url)}.json`
    await storage.setItem(key('/formations/a'), entry(1))
    await storage.setItem(key('/formations/b'), entry(2))
    expect(await purgeRouteCache(storage, ['/formations/a'])).toBe(1)
    expect(await storage.getKeys('cache')).toEqual([key('/formations/b')])
  })
})
