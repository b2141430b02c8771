import { describe, expect, it } from 'vitest'
import { copyConfig } from '../../server/utils/runtime-config'

describe('runtime config copy', () => {
  it('is equal to the original and shares no object with it', () => {
    const config = { app: { baseURL: '/' }, public: { sanity: { projectId: 'p', useCdn: false }, list: [{ a: 1 }], none: null }, token: '' }
    const copy = copyConfig(config)
    expect(copy).toEqual(config)
    expect(copy.public).not.toBe(config.public)
    expect(copy.public.list).not.toBe(config.public.list)
    expect(copy.public.list[0]).not.toBe(config.public.list[0])
    copy.public.sanity.projectId = 'changed'
    expect(config.public.sanity.projectId).toBe('p')
  })
})
