import { describe, expect, it } from 'vitest'
import { blockComponent, blockComponents } from '../../components/blocks/registry'
import { pageBuilderBlocks } from '../../studio/schemaTypes/blocks/index'

describe('block mapping', () => {
  it('registers exactly the block types the Studio offers', () => {
    const schemaTypes = pageBuilderBlocks.map(block => block.name).sort()
    expect(Object.keys(blockComponents).sort()).toEqual(schemaTypes)
  })

  it.each(Object.keys(blockComponents))('maps %s to a Vue component', (type) => {
    const component = blockComponent(type) as { __name?: string, setup?: unknown, render?: unknown } | undefined
    expect(component).toBeDefined()
    expect(component!.__name).toBe(`Block${type[0]!.toUpperCase()}${type.slice(1)}`)
  })

  it.each(['unknownBlock', 'constructor', 'toString', '__proto__', ''])('finds no component for %j', (type) => {
    expect(blockComponent(type)).toBeUndefined()
  })
})
