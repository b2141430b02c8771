/**
 * Writes the embedded content dataset in the format of `sanity dataset export`:
 *
 *   content/data.ndjson    one document per line, assets as `_sanityAsset` placeholders
 *   content/images/        <sha1>-<W>x<H>.<ext>, generated illustrations
 *   content/assets.json    asset metadata (originalFilename), keyed like the export does
 *   content/files/         (empty: no file assets)
 *
 * Deterministic: no clock, no unseeded randomness, fixed system fields. Running
 * it twice gives byte-identical files.
 *
 *   node scripts/content/generate-dataset.ts
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { buildDocuments } from './lib/documents.ts'
import { renderImage, type RenderedImage } from './lib/images.ts'
import { IMAGES } from './lib/images-catalogue.ts'
import type { Json, JsonObject } from './lib/portable-text.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const CONTENT = join(ROOT, 'content')

/** Fields whose string values are identifiers or URLs, never prose. */
const VERBATIM_FIELDS = new Set([
  '_id', '_type', '_ref', '_key', '_rev', '_sanityAsset', '_createdAt', '_updatedAt',
  'url', 'href', 'registrationUrl', 'helloAssoUrl', 'current', 'path', 'email',
  'helloAssoOrganization', 'platform', 'linkType', 'style', 'listItem', 'mode', 'tone',
  'format', 'level', 'period', 'start', 'end', 'publishedAt',
])

/** French typography: ’ for apostrophes, non-breaking spaces inside « » and before : ; ! ? %. */
export function frenchTypography(text: string): string {
  return text
    .replace(/'/g, '’')
    .replace(/« /g, '«\u00a0')
    .replace(/ »/g, '\u00a0»')
    .replace(/ ([:;!?%])/g, '\u00a0$1')
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function typography(value: Json, field = ''): Json {
  if (typeof value === 'string') return VERBATIM_FIELDS.has(field) ? value : frenchTypography(value)
  if (Array.isArray(value)) return value.map(item => typography(item, field))
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typography(v, k)]))
  return value
}

/**
 * Gives every object in an array a `_key` derived from the document's
 * published id and the path: stable across runs, shared by a draft and its
 * published version (as in a real dataset), unique within each array.
 */
function assignKeys(value: Json, baseId: string, path: string): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const itemPath = `${path}[${index}]`
      if (isObject(item) && item._key === undefined) {
        item._key = createHash('sha1').update(`${baseId}:${itemPath}`).digest('hex').slice(0, 12)
      }
      assignKeys(item, baseId, itemPath)
    })
  }
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) assignKeys(child, baseId, `${path}.${key}`)
  }
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (isObject(value)) {
    return Object.fromEntries(Object.keys(value).sort().map(key => [key, sortKeys(value[key]!)]))
  }
  return value
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** A `_rev` shaped like Sanity's (22 base62 characters), derived from the content. */
function revision(doc: JsonObject): string {
  const digest = createHash('sha256').update(JSON.stringify(sortKeys(doc))).digest()
  return Array.from(digest.subarray(0, 22), byte => BASE62[byte % 62]).join('')
}

async function main(): Promise<void> {
  await mkdir(join(CONTENT, 'images'), { recursive: true })
  await mkdir(join(CONTENT, 'files'), { recursive: true })

  // 1. Illustrations.
  const rendered = new Map<string, RenderedImage & { fileName: string, originalFilename: string }>()
  for (const spec of IMAGES) {
    if (rendered.has(spec.name)) throw new Error(`duplicate image name ${spec.name}`)
    const image = await renderImage(spec)
    const fileName = `${image.sha1}-${image.width}x${image.height}.${image.extension}`
    rendered.set(spec.name, { ...image, fileName, originalFilename: spec.originalFilename })
  }
  const fileNames = new Set([...rendered.values()].map(image => image.fileName))
  if (fileNames.size !== rendered.size) throw new Error('two images have identical bytes')

  for (const existing of await readdir(join(CONTENT, 'images'))) {
    if (!fileNames.has(existing)) await rm(join(CONTENT, 'images', existing))
  }
  for (const image of rendered.values()) await writeFile(join(CONTENT, 'images', image.fileName), image.bytes)
  await writeFile(join(CONTENT, 'files', '.gitkeep'), '')

  // 2. Documents.
  const used = new Set<string>()
  const documents = buildDocuments((name, alt, caption) => {
    const image = rendered.get(name)
    if (!image) throw new Error(`unknown image "${name}"`)
    used.add(name)
    return {
      _type: 'image',
      _sanityAsset: `image@file://./images/${image.fileName}`,
      alt,
      ...(caption ? { caption } : {}),
      hotspot: { _type: 'sanity.imageHotspot', x: 0.5, y: 0.5, height: 1, width: 1 },
    }
  })
  const unused = IMAGES.filter(spec => !used.has(spec.name)).map(spec => spec.name)
  if (unused.length > 0) throw new Error(`images generated but never used (the importer would upload them anyway): ${unused.join(', ')}`)

  const lines = documents
    .map((raw) => {
      const doc = typography(raw) as JsonObject
      assignKeys(doc, String(doc._id).replace(/^drafts\./, ''), '')
      doc._rev = revision(doc)
      return sortKeys(doc) as JsonObject
    })
    .sort((a, b) => (String(a._id) < String(b._id) ? -1 : 1))
    .map(doc => `${JSON.stringify(doc)}\n`)
  await writeFile(join(CONTENT, 'data.ndjson'), lines.join(''))

  // 3. assets.json — keyed `image-<sha1>`, exactly as @sanity/export writes it and @sanity/import reads it.
  const assets: Record<string, { originalFilename: string }> = {}
  for (const image of [...rendered.values()].sort((a, b) => (a.sha1 < b.sha1 ? -1 : 1))) {
    assets[`image-${image.sha1}`] = { originalFilename: image.originalFilename }
  }
  await writeFile(join(CONTENT, 'assets.json'), JSON.stringify(assets))

  const totalBytes = [...rendered.values()].reduce((sum, image) => sum + image.bytes.length, 0)
  console.log(`content/data.ndjson: ${lines.length} documents`)
  console.log(`content/images: ${rendered.size} files, ${(totalBytes / 1024).toFixed(0)} KiB`)
}

await main()
