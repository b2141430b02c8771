/**
 * Development check of the embedded dataset (content/), plain Node, no dependencies.
 * Prints one line per problem and exits 1 if there is any.
 *
 *   node scripts/content/verify-dataset.ts [contentDir]
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

type Doc = Record<string, unknown> & { _id: string, _type: string }

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const CONTENT = resolve(process.argv[2] ?? join(ROOT, 'content'))
const MARKER = 'BROUILLON-7F3A'
const BLOCK_TYPES = [
  'hero', 'richText', 'callToAction', 'formationList', 'membershipTiers', 'helloAssoEmbed', 'faq',
  'imageGallery', 'keyFigures', 'testimonials', 'logoCloud', 'teamList', 'contactForm', 'newsletterSignup',
]
const SINGLETONS = ['siteSettings', 'navigation', 'home']
const SYSTEM_FIELDS = ['_id', '_type', '_createdAt', '_updatedAt', '_rev']
const ASSET = /^image@file:\/\/\.\/images\/([0-9a-f]{40})-(\d+)x(\d+)\.(jpg|png)$/
const MAX_IMAGES_BYTES = 4 * 1024 * 1024

const problems: string[] = []
const problem = (message: string) => problems.push(message)
const isDraft = (id: string) => id.startsWith('drafts.')
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Width and height read from the file header (JPEG SOFn or PNG IHDR). */
function imageSize(bytes: Buffer): { width: number, height: number } | null {
  if (bytes.length > 24 && bytes.readUInt32BE(0) === 0x89504E47) {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
  }
  if (bytes[0] !== 0xFF || bytes[1] !== 0xD8) return null
  let offset = 2
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xFF) return null
    const marker = bytes[offset + 1]!
    if (marker === 0xD8 || marker === 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
      offset += 2
      continue
    }
    const length = bytes.readUInt16BE(offset + 2)
    const isSof = marker >= 0xC0 && marker <= 0xCF && marker !== 0xC4 && marker !== 0xC8 && marker !== 0xCC
    if (isSof) return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) }
    offset += 2 + length
  }
  return null
}

// ---- Load -------------------------------------------------------------------

const dataPath = join(CONTENT, 'data.ndjson')
if (!existsSync(dataPath)) {
  console.error(`✗ ${dataPath} not found (run node scripts/content/generate-dataset.ts)`)
  process.exit(1)
}
const docs: Doc[] = []
readFileSync(dataPath, 'utf8').split('\n').forEach((line, index) => {
  if (line.trim() === '') return
  try {
    const value = JSON.parse(line)
    if (!isObject(value)) throw new Error('not an object')
    docs.push(value as Doc)
  }
  catch (error) {
    problem(`data.ndjson:${index + 1}: invalid JSON (${(error as Error).message})`)
  }
})

// ---- Documents ----------------------------------------------------------------

const ids = new Set<string>()
for (const doc of docs) {
  for (const field of SYSTEM_FIELDS) {
    if (typeof doc[field] !== 'string' || doc[field] === '') problem(`${doc._id ?? '(no _id)'}: missing ${field}`)
  }
  if (ids.has(doc._id)) problem(`${doc._id}: duplicate _id`)
  ids.add(doc._id)
  if (doc._type === 'sanity.imageAsset' || doc._type === 'sanity.fileAsset') problem(`${doc._id}: asset documents do not belong in an export's data.ndjson`)
}
const publishedIds = new Set([...ids].filter(id => !isDraft(id)))
for (const id of SINGLETONS) {
  if (!publishedIds.has(id)) problem(`singleton "${id}" missing (its _id must equal its type)`)
}

// ---- Deep walk: references, keys, assets ---------------------------------------

const referencedFiles = new Set<string>()
const assetIds = new Set<string>()

function walk(value: unknown, doc: Doc, path: string): void {
  if (Array.isArray(value)) {
    const keys = new Set<string>()
    value.forEach((item, index) => {
      if (isObject(item)) {
        const key = item._key
        if (typeof key !== 'string' || key === '') problem(`${doc._id}: ${path}[${index}] has no _key`)
        else if (keys.has(key)) problem(`${doc._id}: ${path} has duplicate _key "${key}"`)
        else keys.add(key)
      }
      walk(item, doc, `${path}[${index}]`)
    })
    return
  }
  if (!isObject(value)) return
  if ('_ref' in value) {
    const ref = value._ref
    if (value._type !== 'reference') problem(`${doc._id}: ${path} is a reference without _type "reference"`)
    if (typeof ref !== 'string') problem(`${doc._id}: ${path}._ref is not a string`)
    else if (isDraft(ref)) problem(`${doc._id}: ${path} references a draft (${ref})`)
    else if (!publishedIds.has(ref)) problem(`${doc._id}: ${path} references "${ref}", which is not a published document`)
  }
  if ('_sanityAsset' in value) {
    const placeholder = String(value._sanityAsset)
    const match = ASSET.exec(placeholder)
    if (!match) problem(`${doc._id}: ${path}._sanityAsset "${placeholder}" is not image@file://./images/<sha1>-<W>x<H>.<jpg|png>`)
    else {
      const [, sha1, width, height, extension] = match
      const relative = placeholder.slice('image@file://./'.length)
      const file = join(CONTENT, relative)
      referencedFiles.add(relative.slice('images/'.length))
      assetIds.add(`image-${sha1}`)
      if (!existsSync(file)) problem(`${doc._id}: ${path} points to missing file ${relative}`)
      else {
        const bytes = readFileSync(file)
        const actual = createHash('sha1').update(bytes).digest('hex')
        if (actual !== sha1) problem(`${doc._id}: ${relative} has sha1 ${actual}, not ${sha1}`)
        const size = imageSize(bytes)
        if (!size) problem(`${doc._id}: ${relative} is not a readable ${extension} file`)
        else if (size.width !== Number(width) || size.height !== Number(height)) {
          problem(`${doc._id}: ${relative} is ${size.width}x${size.height}, its name says ${width}x${height}`)
        }
      }
    }
    if (value._type !== 'image') problem(`${doc._id}: ${path} holds an asset but its _type is not "image"`)
    if (typeof value.alt !== 'string' || value.alt.trim() === '') problem(`${doc._id}: ${path} image has no alt text`)
    if ('asset' in value) problem(`${doc._id}: ${path} has both _sanityAsset and asset`)
  }
  for (const [key, child] of Object.entries(value)) walk(child, doc, path ? `${path}.${key}` : key)
}
for (const doc of docs) walk(doc, doc, '')

// ---- Slugs unique per type (a draft shares its published version's slug) -------

const slugOwners = new Map<string, string>()
for (const doc of docs) {
  const slug = isObject(doc.slug) ? doc.slug.current : undefined
  if (slug === undefined) continue
  if (typeof slug !== 'string' || slug === '') {
    problem(`${doc._id}: empty slug`)
    continue
  }
  const key = `${doc._type}:${slug}`
  const owner = doc._id.replace(/^drafts\./, '')
  const previous = slugOwners.get(key)
  if (previous && previous !== owner) problem(`${doc._id}: slug "${slug}" already used by ${previous} (type ${doc._type})`)
  else slugOwners.set(key, owner)
}

// ---- Draft marker ----------------------------------------------------------------

let draftsWithMarker = 0
for (const doc of docs) {
  const hasMarker = JSON.stringify(doc).includes(MARKER)
  if (hasMarker && !isDraft(doc._id)) problem(`${doc._id}: contains ${MARKER} but is not a draft`)
  if (hasMarker && isDraft(doc._id)) draftsWithMarker++
}
if (draftsWithMarker === 0) problem(`no draft contains ${MARKER}: the leak tests would check nothing`)
for (const file of ['assets.json']) {
  if (existsSync(join(CONTENT, file)) && readFileSync(join(CONTENT, file), 'utf8').includes(MARKER)) problem(`${file} contains ${MARKER}`)
}

// ---- Page-builder block types -------------------------------------------------------

const usedBlockTypes = new Set<string>()
for (const doc of docs) {
  if (isDraft(doc._id) || (doc._type !== 'home' && doc._type !== 'page') || !Array.isArray(doc.blocks)) continue
  for (const block of doc.blocks) {
    if (!isObject(block)) continue
    if (!BLOCK_TYPES.includes(String(block._type))) problem(`${doc._id}: unknown block _type "${block._type}"`)
    usedBlockTypes.add(String(block._type))
  }
}
const unusedBlockTypes = BLOCK_TYPES.filter(type => !usedBlockTypes.has(type))
if (unusedBlockTypes.length > 0) problem(`block types never used on home or a published page: ${unusedBlockTypes.join(', ')}`)

// ---- Folder layout of the export -------------------------------------------------------

const imagesDir = join(CONTENT, 'images')
let imagesBytes = 0
if (existsSync(imagesDir)) {
  for (const file of readdirSync(imagesDir)) {
    imagesBytes += statSync(join(imagesDir, file)).size
    // @sanity/import uploads every file of images/, referenced or not.
    if (!referencedFiles.has(file)) problem(`images/${file} is not referenced by any document`)
  }
}
if (imagesBytes > MAX_IMAGES_BYTES) problem(`content/images weighs ${imagesBytes} bytes, over the 4 MB budget`)
if (!existsSync(join(CONTENT, 'files'))) problem('files/ folder missing (the export always has one)')

const assetsPath = join(CONTENT, 'assets.json')
if (!existsSync(assetsPath)) problem('assets.json missing')
else {
  let assets: Record<string, unknown> = {}
  try {
    assets = JSON.parse(readFileSync(assetsPath, 'utf8'))
  }
  catch (error) {
    problem(`assets.json: invalid JSON (${(error as Error).message})`)
  }
  for (const id of assetIds) {
    const entry = assets[id]
    if (!isObject(entry) || typeof entry.originalFilename !== 'string') problem(`assets.json: no originalFilename for ${id}`)
  }
  for (const id of Object.keys(assets)) {
    if (!assetIds.has(id)) problem(`assets.json: ${id} is not used by any document`)
  }
}

// ---- Report ----------------------------------------------------------------------------

if (problems.length > 0) {
  for (const message of problems) console.error(`✗ ${message}`)
  console.error(`\n${problems.length} problem(s) in ${CONTENT}`)
  process.exit(1)
}
const byType = new Map<string, number>()
for (const doc of docs) byType.set(doc._type, (byType.get(doc._type) ?? 0) + 1)
console.log(`✓ ${docs.length} documents (${[...byType].map(([type, n]) => `${type} ${n}`).join(', ')})`)
console.log(`✓ ${referencedFiles.size} images, ${(imagesBytes / 1024).toFixed(0)} KiB; ${usedBlockTypes.size}/${BLOCK_TYPES.length} block types; ${draftsWithMarker} drafts carry ${MARKER}`)
