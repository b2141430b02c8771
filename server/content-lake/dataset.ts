/**
 * Loads a dataset written by `sanity dataset export` (data.ndjson + images/ +
 * files/) into the three document views the Content Lake serves: raw,
 * published and drafts (drafts overlaid on published, as Sanity's perspectives
 * do). Asset placeholders (`_sanityAsset`) are turned back into references and
 * asset documents, the way `sanity dataset import` would create them.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { extname, join, resolve } from 'node:path'
import sharp from 'sharp'

export type SanityDocument = Record<string, unknown> & { _id: string, _type: string }

export type Perspective = 'raw' | 'published' | 'drafts' | 'previewDrafts'

export interface AssetFile {
  /** File name as the CDN serves it: `<sha1>-<W>x<H>.<ext>` for images, `<sha1>.<ext>` for files. */
  fileName: string
  path: string
  mimeType: string
}

export interface LoadedDataset {
  views: Record<'raw' | 'published' | 'drafts', SanityDocument[]>
  assetFiles: Map<string, AssetFile>
}

export interface LoadOptions {
  projectId: string
  dataset: string
  /** Where browsers fetch asset files: the CDN host or the site's own `/_sanity` path. */
  assetBaseUrl: string
}

const ASSET_PLACEHOLDER = /^(image|file)@file:\/\/\.\/((?:images|files)\/([^/]+))$/
const MIME_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp',
  '.gif': 'image/gif', '.svg': 'image/svg+xml', '.pdf': 'application/pdf',
}

export const isDraftId = (id: string) => id.startsWith('drafts.')
export const publishedId = (id: string) => id.replace(/^drafts\./, '')

export function parseNdjson(text: string, source = 'data.ndjson'): SanityDocument[] {
  const documents: SanityDocument[] = []
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return
    let document: unknown
    try {
      document = JSON.parse(line)
    }
    catch (error) {
      throw new Error(`${source}:${index + 1}: invalid JSON (${(error as Error).message})`, { cause: error })
    }
    if (!document || typeof document !== 'object' || typeof (document as SanityDocument)._id !== 'string' || typeof (document as SanityDocument)._type !== 'string') {
      throw new Error(`${source}:${index + 1}: a document needs a string _id and _type`)
    }
    documents.push(document as SanityDocument)
  })
  return documents
}

/** Replaces `_sanityAsset` placeholders by asset references, collecting the files they point to. */
function rewriteAssetPlaceholders(value: unknown, found: Map<string, { kind: 'image' | 'file', relativePath: string, fileName: string }>): unknown {
  if (Array.isArray(value)) return value.map(item => rewriteAssetPlaceholders(item, found))
  if (!value || typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  const result: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(record)) {
    if (key === '_sanityAsset' && typeof child === 'string') {
      const match = ASSET_PLACEHOLDER.exec(child)
      if (!match) throw new Error(`unsupported asset placeholder "${child}"`)
      const [, kind, relativePath, fileName] = match as unknown as [string, 'image' | 'file', string, string]
      const assetId = assetIdFromFileName(kind, fileName)
      found.set(assetId, { kind, relativePath, fileName })
      result.asset = { _type: 'reference', _ref: assetId }
      continue
    }
    result[key] = rewriteAssetPlaceholders(child, found)
  }
  return result
}

/** `<sha1>-1600x900.jpg` → `image-<sha1>-1600x900-jpg`, the id Sanity gives the asset. */
export function assetIdFromFileName(kind: 'image' | 'file', fileName: string): string {
  const extension = extname(fileName)
  return `${kind}-${fileName.slice(0, -extension.length)}-${extension.slice(1)}`
}

async function describeAsset(assetId: string, kind: 'image' | 'file', filePath: string, fileName: string, options: LoadOptions): Promise<SanityDocument> {
  const bytes = await readFile(filePath)
  const extension = extname(fileName).slice(1)
  const sha1hash = createHash('sha1').update(bytes).digest('hex')
  const path = `${kind}s/${options.projectId}/${options.dataset}/${fileName}`
  const base: SanityDocument = {
    _id: assetId,
    _type: kind === 'image' ? 'sanity.imageAsset' : 'sanity.fileAsset',
    _createdAt: '2026-01-01T00:00:00Z',
    _updatedAt: '2026-01-01T00:00:00Z',
    assetId: sha1hash,
    sha1hash,
    extension,
    mimeType: MIME_TYPES[`.${extension}`] ?? 'application/octet-stream',
    originalFilename: fileName,
    size: bytes.length,
    path,
    url: `${options.assetBaseUrl}/${path}`,
  }
  if (kind === 'file') return base
  const image = sharp(bytes)
  const { width = 0, height = 0, hasAlpha = false } = await image.metadata()
  // Same idea as Sanity's LQIP: a ~20px wide blurred preview, inlined as base64.
  const lqip = await image.resize(20).blur(1).jpeg({ quality: 40 }).toBuffer()
  return {
    ...base,
    metadata: {
      _type: 'sanity.imageMetadata',
      dimensions: { _type: 'sanity.imageDimensions', width, height, aspectRatio: width / height },
      hasAlpha,
      isOpaque: !hasAlpha,
      lqip: `data:image/jpeg;base64,${lqip.toString('base64')}`,
    },
  }
}

/**
 * Sanity treats a document whose id has a dot as private (drafts, preview
 * secrets, system documents): the token-less `published` view never has one.
 */
export const isPrivateId = (id: string) => id.includes('.')

/** Documents as a perspective sees them: published only, or drafts laid over published. */
export function buildViews(documents: SanityDocument[]): LoadedDataset['views'] {
  const published = documents.filter(document => !isPrivateId(document._id))
  const drafts = new Map(documents.filter(document => isDraftId(document._id)).map(document => [publishedId(document._id), document]))
  const overlaid = published.map((document) => {
    const draft = drafts.get(document._id)
    return draft ? { ...draft, _id: document._id, _originalId: draft._id } : document
  })
  for (const [id, draft] of drafts) {
    if (!published.some(document => document._id === id)) overlaid.push({ ...draft, _id: id, _originalId: draft._id })
  }
  return { raw: documents, published, drafts: overlaid }
}

export async function loadDataset(contentDir: string, options: LoadOptions): Promise<LoadedDataset> {
  const root = resolve(contentDir)
  const text = await readFile(join(root, 'data.ndjson'), 'utf8')
  const found = new Map<string, { kind: 'image' | 'file', relativePath: string, fileName: string }>()
  const documents = parseNdjson(text).map(document => rewriteAssetPlaceholders(document, found) as SanityDocument)
  const assetFiles = new Map<string, AssetFile>()
  const assetDocuments = await Promise.all([...found].map(async ([assetId, { kind, relativePath, fileName }]) => {
    const path = join(root, relativePath)
    assetFiles.set(`${kind}s/${fileName}`, { fileName, path, mimeType: MIME_TYPES[extname(fileName)] ?? 'application/octet-stream' })
    return describeAsset(assetId, kind, path, fileName, options)
  }))
  const views = buildViews(documents)
  return {
    views: {
      raw: [...views.raw, ...assetDocuments],
      published: [...views.published, ...assetDocuments],
      drafts: [...views.drafts, ...assetDocuments],
    },
    assetFiles,
  }
}
