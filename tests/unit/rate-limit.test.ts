import { beforeEach, describe, expect, it } from 'vitest'
import { hitRateLimit, resetRateLimits } from '../../server/utils/rate-limit'
import { retryDelaySeconds } from '../../server/utils/outbox'

const limit = { limit: 3, windowSeconds: 60 }
const t0 = Date.UTC(2026, 10, 21, 12, 0, 0)

describe('rate limit', () => {
  beforeEach(resetRateLimits)

  it('allows the budget, then answers how long to wait', () => {
    expect([1, 2, 3].map(i => hitRateLimit('test', 'ip-a', limit, t0 + i))).toEqual([0, 0, 0])
    const wait = hitRateLimit('test', 'ip-a', limit, t0 + 10_000)
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(60)
  })

  it('counts each client and each bucket separately', () => {
    for (let i = 0; i < 3; i++) hitRateLimit('test', 'ip-a', limit, t0)
    expect(hitRateLimit('test', 'ip-b', limit, t0)).toBe(0)
    expect(hitRateLimit('other', 'ip-a', limit, t0)).toBe(0)
    expect(hitRateLimit('test', 'ip-a', limit, t0)).toBeGreaterThan(0)
  })

  it('slides: right after a full window the previous one still weighs, two windows later it is forgotten', () => {
    for (let i = 0; i < 3; i++) hitRateLimit('test', 'ip-a', limit, t0 + 59_000)
    // 1 s into the next window: 3 × 59/60 of the previous one + 1 new = over budget after one more.
    expect(hitRateLimit('test', 'ip-a', limit, t0 + 61_000)).toBe(0)
    expect(hitRateLimit('test', 'ip-a', limit, t0 + 62_000)).toBeGreaterThan(0)
    expect(hitRateLimit('test', 'ip-a', limit, t0 + 180_000)).toBe(0)
  })

  it('does not count refused requests against the next window', () => {
    for (let i = 0; i < 50; i++) hitRateLimit('test', 'ip-a', limit, t0)
    expect(hitRateLimit('test', 'ip-a', limit, t0 + 120_000 + 59_000)).toBe(0)
  })
})

describe('outbox retry delay', () => {
  it.each([
    [1, 30], [2, 60], [3, 120], [8, 3600], [20, 3600],
  ])('attempt %i waits about %i s', (attempts, seconds) => {
    expect(retryDelaySeconds(attempts, 30, 0.5)).toBe(seconds)
  })

  it('jitters within ±20 %', () => {
    expect(retryDelaySeconds(2, 30, 0)).toBe(48)
    expect(retryDelaySeconds(2, 30, 1)).toBe(72)
  })
})
