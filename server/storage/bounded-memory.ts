import { defineDriver } from 'unstorage'

export interface BoundedMemoryOptions {
  /** Entries kept at most; storing one more drops the least recently used. */
  maxEntries: number
}

/**
 * An in-memory unstorage driver that keeps at most `maxEntries` items, least
 * recently used first out. Nitro's default memory storage never forgets:
 * every distinct URL of a cached route (any query string) would stay in
 * memory until the process dies.
 */
export const boundedMemoryDriver = defineDriver((options: BoundedMemoryOptions) => {
  const items = new Map<string, unknown>()
  const touch = (key: string, value: unknown) => {
    items.delete(key)
    items.set(key, value)
  }
  return {
    name: 'bounded-memory',
    options,
    hasItem: key => items.has(key),
    getItem(key) {
      if (!items.has(key)) return null
      const value = items.get(key)
      touch(key, value)
      return value as never
    },
    getItemRaw(key) {
      return (items.get(key) ?? null) as never
    },
    setItem(key, value) {
      touch(key, value)
      while (items.size > options.maxEntries) items.delete(items.keys().next().value!)
    },
    setItemRaw(key, value) {
      touch(key, value)
      while (items.size > options.maxEntries) items.delete(items.keys().next().value!)
    },
    removeItem(key) {
      items.delete(key)
    },
    getKeys: () => [...items.keys()],
    clear() {
      items.clear()
    },
    dispose() {
      items.clear()
    },
  }
})
