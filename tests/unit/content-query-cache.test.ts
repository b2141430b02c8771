import { describe, expect, it } from 'vitest'
import { createContentQueryCache, deepFreeze } from '../../server/utils/content-query-cache'

/** A loader that counts its calls and answers `value-<n>`. */
function counter() {
  let calls = 0
  const load = async () => ({ value: `value-${++calls}`, list: [{ n: calls }] })
  return { load, calls: () => calls }
}

describe('content query cache', () => {
  it('answers a repeated query from memory while fresh', async () => {
    let clock = 0
    const cache = createContentQueryCache({ maxAgeMs: 1000, now: () => clock })
    const { load, calls } = counter()
    expect(await cache.fetch('q', load)).toEqual({ value: 'value-1', list: [{ n: 1 }] })
    clock = 999
    expect((await cache.fetch('q', load)).value).toBe('value-1')
    expect(calls()).toBe(1)
  })

  it('asks again once the result is older than its max age', async () => {
    let clock = 0
    const cache = createContentQueryCache({ maxAgeMs: 1000, now: () => clock })
    const { load, calls } = counter()
    await cache.fetch('q', load)
    clock = 1000
    expect((await cache.fetch('q', load)).value).toBe('value-2')
    expect(calls()).toBe(2)
  })

  it('concurrent renders share one request', async () => {
    const cache = createContentQueryCache()
    const { load, calls } = counter()
    const results = await Promise.all([cache.fetch('q', load), cache.fetch('q', load), cache.fetch('q', load)])
    expect(calls()).toBe(1)
    expect(new Set(results).size).toBe(1)
  })

  it('a publish (clear) makes the next render ask again', async () => {
    const cache = createContentQueryCache()
    const { load, calls } = counter()
    await cache.fetch('q', load)
    cache.clear()
    expect(cache.size).toBe(0)
    expect((await cache.fetch('q', load)).value).toBe('value-2')
    expect(calls()).toBe(2)
  })

  it('keeps different queries apart', async () => {
    const cache = createContentQueryCache()
    const { load, calls } = counter()
    await cache.fetch('a', load)
    expect((await cache.fetch('b', load)).value).toBe('value-2')
    expect((await cache.fetch('a', load)).value).toBe('value-1')
    expect(calls()).toBe(2)
  })

  it('does not keep a failure: the next render asks again', async () => {
    const cache = createContentQueryCache()
    await expect(cache.fetch('q', () => Promise.reject(new Error('content API down')))).rejects.toThrow('content API down')
    expect(cache.size).toBe(0)
    expect(await cache.fetch('q', async () => 'back')).toBe('back')
  })

  it('hands out frozen results: one render cannot change what the next one reads', async () => {
    const cache = createContentQueryCache()
    const { load } = counter()
    const result = await cache.fetch('q', load)
    expect(() => {
      (result as { value: string }).value = 'changed'
    }).toThrow(TypeError)
    expect(() => result.list.push({ n: 9 })).toThrow(TypeError)
    expect(Object.isFrozen(result.list[0])).toBe(true)
    expect((await cache.fetch('q', load)).value).toBe('value-1')
  })

  it('keeps at most maxEntries results, the oldest leaving first', async () => {
    const cache = createContentQueryCache({ maxEntries: 2 })
    const { load, calls } = counter()
    await cache.fetch('a', load)
    await cache.fetch('b', load)
    await cache.fetch('c', load)
    expect(cache.size).toBe(2)
    await cache.fetch('c', load)
    expect(calls()).toBe(3)
    await cache.fetch('a', load)
    expect(calls()).toBe(4)
  })

  it('deepFreeze leaves primitives alone and freezes nested arrays and objects', () => {
    expect(deepFreeze('x')).toBe('x')
    expect(deepFreeze(null)).toBe(null)
    const value = deepFreeze({ a: [{ b: { c: 1 } }] })
    expect(Object.isFrozen(value.a[0]!.b)).toBe(true)
  })
})
