import { readFileSync } from 'node:fs'
import { createClient, type SanityClient } from '@sanity/client'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContentLake, type ContentLake } from '../../server/content-lake/server'

const DRAFT_MARKER = 'BROUILLON-7F3A'
const TOKEN = 'test-read-token'
const API_VERSION = '2025-02-19'

let lake: ContentLake
let origin: string
let published: SanityClient

const clientFor = (options: Partial<Parameters<typeof createClient>[0]> = {}) => createClient({
  projectId: 'embedded',
  dataset: 'production',
  apiVersion: API_VERSION,
  apiHost: origin,
  useProjectHostname: false,
  useCdn: false,
  perspective: 'published',
  ...options,
})

const rawDocuments = readFileSync('content/data.ndjson', 'utf8').trim().split('\n').map(line => JSON.parse(line) as { _id: string, _type: string })
const draftIds = rawDocuments.filter(document => document._id.startsWith('drafts.')).map(document => document._id)

beforeAll(async () => {
  lake = createContentLake({ contentDir: 'content', projectId: 'embedded', dataset: 'production', readToken: TOKEN })
  origin = await lake.listen()
  published = clientFor()
})
afterAll(() => lake.close())

describe('embedded Content Lake: query API', () => {
  it('ships at least one draft, and one draft of a published document', () => {
    expect(draftIds.length).toBeGreaterThan(0)
    expect(draftIds.some(id => rawDocuments.some(document => document._id === id.replace(/^drafts\./, '')))).toBe(true)
  })

  it('answers GROQ through the official client', async () => {
    const count = await published.fetch<number>('count(*[_type == "formation"])')
    expect(count).toBe(rawDocuments.filter(document => document._type === 'formation' && !document._id.startsWith('drafts.')).length)
  })

  it('answers `{ result, ms, query }` over GET and POST', async () => {
    const query = '*[_type == $type][0]._type'
    const get = await fetch(`${origin}/v${API_VERSION}/data/query/production?query=${encodeURIComponent(query)}&%24type=%22post%22`)
    expect(get.status).toBe(200)
    const getBody = await get.json()
    expect(getBody).toMatchObject({ result: 'post', query })
    expect(typeof getBody.ms).toBe('number')

    const post = await fetch(`${origin}/v${API_VERSION}/data/query/production`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, params: { type: 'formation' } }),
    })
    expect(await post.json()).toMatchObject({ result: 'formation', query })
  })

  it('passes parameters through a long query that the client sends as POST', async () => {
    const padding = ' '.repeat(12_000)
    const ids = await published.fetch<string[]>(`*[_type == "category" && slug.current != $none]${padding}._id`, { none: 'x' })
    expect(ids.length).toBeGreaterThan(0)
  })

  it('never returns a draft under `published`', async () => {
    const ids = await published.fetch<string[]>('*[]._id')
    expect(ids.filter(id => id.startsWith('drafts.'))).toEqual([])
    const text = JSON.stringify(await published.fetch('*'))
    expect(text).not.toContain(DRAFT_MARKER)
  })

  it('overlays drafts on published documents under `drafts`, with the read token', async () => {
    const drafts = clientFor({ perspective: 'drafts', token: TOKEN })
    const documents = await drafts.fetch<{ _id: string, _originalId?: string }[]>('*[_originalId in path("drafts.**")]{ _id, _originalId }')
    expect(documents.length).toBe(draftIds.length)
    for (const document of documents) expect(document._id).toBe(document._originalId!.replace(/^drafts\./, ''))
    expect(JSON.stringify(await drafts.fetch('*'))).toContain(DRAFT_MARKER)
  })

  it('refuses the drafts and raw perspectives without a valid token', async () => {
    await expect(clientFor({ perspective: 'drafts' }).fetch('*')).rejects.toMatchObject({ statusCode: 401 })
    await expect(clientFor({ perspective: 'raw', token: 'wrong-token-of-other-len' }).fetch('*')).rejects.toMatchObject({ statusCode: 401 })
  })

  it('defaults to published when no perspective is asked for, even with the token', async () => {
    const query = encodeURIComponent('*[_id in path("drafts.**") || defined(_originalId)]._id')
    const headerSets: Record<string, string>[] = [{}, { authorization: `Bearer ${TOKEN}` }]
    for (const headers of headerSets) {
      const response = await fetch(`${origin}/v${API_VERSION}/data/query/production?query=${query}`, { headers })
      expect((await response.json()).result).toEqual([])
    }
  })

  it.each([
    ['a GROQ syntax error', `/v${API_VERSION}/data/query/production?query=${encodeURIComponent('*[_type == ')}`, 400],
    ['a parameter that is not JSON', `/v${API_VERSION}/data/query/production?query=%24x&%24x=nope`, 400],
    ['a missing query', `/v${API_VERSION}/data/query/production`, 400],
    ['an unknown dataset', `/v${API_VERSION}/data/query/staging?query=*`, 404],
    ['an unknown perspective', `/v${API_VERSION}/data/query/production?query=*&perspective=future`, 400],
    ['an unknown path', '/v1/nothing-here', 404],
  ])('answers %s with a JSON error', async (_, path, status) => {
    const response = await fetch(`${origin}${path}`)
    expect(response.status).toBe(status)
    expect((await response.json()).error.description).toEqual(expect.any(String))
  })

  it('refuses a body over 1 MB and other methods', async () => {
    const big = await fetch(`${origin}/v${API_VERSION}/data/query/production`, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) })
    expect(big.status).toBe(413)
    const put = await fetch(`${origin}/v${API_VERSION}/data/query/production?query=*`, { method: 'PUT' })
    expect(put.status).toBe(405)
  })

  it('serves documents by id, drafts hidden', async () => {
    const document = await published.getDocument('siteSettings')
    expect(document?._type).toBe('siteSettings')
    expect(await published.getDocument(draftIds[0]!)).toBeUndefined()
  })
})

describe('embedded Content Lake: assets', () => {
  it('turns export placeholders into image assets with dimensions and LQIP', async () => {
    const assets = await published.fetch<{ _id: string, url: string, metadata: { lqip: string, dimensions: { width: number, height: number } } }[]>(
      '*[_type == "sanity.imageAsset"]{ _id, url, metadata }',
    )
    expect(assets.length).toBeGreaterThan(5)
    for (const asset of assets) {
      const [, , size] = /^image-([a-f0-9]{40})-(\d+x\d+)-(jpg|png)$/.exec(asset._id) ?? []
      expect(size).toBe(`${asset.metadata.dimensions.width}x${asset.metadata.dimensions.height}`)
      expect(asset.metadata.lqip).toMatch(/^data:image\/jpeg;base64,/)
    }
    const referenced = await published.fetch<number>('count(*[_type == "formation" && defined(coverImage.asset->_id)])')
    expect(referenced).toBeGreaterThan(0)
  })

  it('resizes, crops and converts images like the Sanity CDN', async () => {
    const asset = await published.fetch<{ _id: string, url: string }>('*[_type == "sanity.imageAsset" && extension == "jpg"][0]{ _id, url }')
    const path = new URL(asset.url, origin).pathname
    const resized = await fetch(`${origin}${path}?w=320&h=180&fit=crop&auto=format`, { headers: { accept: 'image/avif,image/webp,*/*' } })
    expect(resized.status).toBe(200)
    expect(resized.headers.get('content-type')).toBe('image/webp')
    expect(resized.headers.get('cache-control')).toContain('immutable')
    const meta = await sharp(Buffer.from(await resized.arrayBuffer())).metadata()
    expect([meta.width, meta.height, meta.format]).toEqual([320, 180, 'webp'])

    const rect = await fetch(`${origin}${path}?rect=10,10,200,100&fm=jpg`)
    const rectMeta = await sharp(Buffer.from(await rect.arrayBuffer())).metadata()
    expect([rectMeta.width, rectMeta.height, rectMeta.format]).toEqual([200, 100, 'jpeg'])
  })

  it('never upscales, and keeps uploads from running script on the site origin', async () => {
    const asset = await published.fetch<{ url: string, metadata: { dimensions: { width: number, height: number } } }>('*[_type == "sanity.imageAsset" && extension == "jpg"][0]{ url, metadata }')
    const { width, height } = asset.metadata.dimensions
    const response = await fetch(`${origin}${new URL(asset.url, origin).pathname}?w=${width * 3}&h=${height * 3}&fit=crop&fm=jpg`)
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata()
    expect(meta.width).toBeLessThanOrEqual(width)
    expect(response.headers.get('content-security-policy')).toContain('sandbox')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it.each([
    ['?w=-5', 400],
    ['?fit=stretchy&w=10', 400],
    ['?fm=bmp', 400],
    ['?rect=1,2,3', 400],
    ['?rect=0,0,99999,10', 400],
  ])('refuses bad image parameters %s', async (query, status) => {
    const asset = await published.fetch<{ url: string }>('*[_type == "sanity.imageAsset"][0]{ url }')
    const response = await fetch(`${origin}${new URL(asset.url, origin).pathname}${query}`)
    expect(response.status).toBe(status)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('answers 404 for an unknown image or project', async () => {
    expect((await fetch(`${origin}/images/embedded/production/${'0'.repeat(40)}-10x10.jpg`)).status).toBe(404)
    expect((await fetch(`${origin}/images/other/production/${'0'.repeat(40)}-10x10.jpg`)).status).toBe(404)
  })
})
