import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import {
  BLOCK_THUMBNAILS,
  renderThumbnail,
  THUMBNAIL_HEIGHT,
  THUMBNAIL_WIDTH,
  THUMBNAILS_DIR,
} from '../../scripts/studio/generate-block-thumbnails'
import { blockThumbnailUrl, INSERT_MENU_GROUPS, pageBuilderBlocks } from '../../studio/schemaTypes/blocks/index'
import { pageBuilderField } from '../../studio/schemaTypes/pageBuilder'

const blockNames = pageBuilderBlocks.map(block => block.name)
const REGENERATE = 'run `node scripts/studio/generate-block-thumbnails.ts`'

describe('insert menu thumbnails', () => {
  it('the generator draws exactly the registered blocks, under their Studio titles', () => {
    expect(Object.keys(BLOCK_THUMBNAILS)).toEqual(blockNames)
    for (const block of pageBuilderBlocks) {
      expect(BLOCK_THUMBNAILS[block.name]!.title, block.name).toBe(block.title)
    }
  })

  it(`studio/static/blocks holds one PNG per block and nothing else (${REGENERATE})`, () => {
    const files = readdirSync(THUMBNAILS_DIR).sort()
    expect(files).toEqual(blockNames.map(name => `${name}.png`).sort())
  })

  it.each(blockNames)('%s.png is a small 600×400 PNG', async (name) => {
    const file = readFileSync(join(THUMBNAILS_DIR, `${name}.png`))
    const metadata = await sharp(file).metadata()
    expect(metadata).toMatchObject({ format: 'png', width: THUMBNAIL_WIDTH, height: THUMBNAIL_HEIGHT })
    expect(file.byteLength).toBeLessThan(20_000)
  })

  it('rendering is deterministic: the same block gives the same bytes twice', async () => {
    for (const name of ['hero', 'keyFigures', 'newsletterSignup']) {
      const [first, second] = await Promise.all([renderThumbnail(name), renderThumbnail(name)])
      expect(first.equals(second), name).toBe(true)
    }
  })

  it('each block gets its own picture', async () => {
    const pictures = await Promise.all(blockNames.map(name => renderThumbnail(name)))
    expect(new Set(pictures.map(picture => picture.toString('base64'))).size).toBe(blockNames.length)
  })

  it('refuses a block type it has no drawing for', () => {
    expect(() => renderThumbnail('unknownBlock')).toThrow('no thumbnail drawing for block type "unknownBlock"')
  })
})

describe('insert menu of the page builder', () => {
  const options = pageBuilderField().options as {
    insertMenu: { groups: Array<{ name: string, title: string, of: string[] }>, views: Array<{ name: string, previewImageUrl?: (type: string) => string }> }
  }

  it('puts every block in exactly one group', () => {
    const grouped = INSERT_MENU_GROUPS.flatMap(group => [...group.of])
    expect([...grouped].sort()).toEqual([...blockNames].sort())
    expect(new Set(grouped).size).toBe(grouped.length)
  })

  it('offers a grid with the generated thumbnails and a list', () => {
    const [grid, list] = options.insertMenu.views
    expect(grid?.name).toBe('grid')
    expect(list?.name).toBe('list')
    expect(blockNames.map(name => grid?.previewImageUrl?.(name))).toEqual(blockNames.map(name => `/static/blocks/${name}.png`))
    expect(blockThumbnailUrl('hero')).toBe('/static/blocks/hero.png')
  })

  it('groups blocks under French titles', () => {
    expect(options.insertMenu.groups.map(group => group.title)).toEqual([
      'Texte et mise en avant',
      'Formations et adhésions',
      'Images et témoignages',
      'Association',
      'Formulaires',
    ])
  })
})
