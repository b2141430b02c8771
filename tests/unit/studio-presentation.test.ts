import { evaluate, parse } from 'groq-js'
// The route matcher the Presentation tool itself uses (a dependency of `sanity`).
import { match } from 'path-to-regexp'
import type { DocumentLocationResolverObject, DocumentLocationsState, DocumentResolver } from 'sanity/presentation'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CONTENT_DIR, publishedId, readDataset } from '../../scripts/content/check-dataset'
import { documentPath } from '../../shared/routes'
import { locations, mainDocuments } from '../../studio/presentation'

const dataset = readDataset(CONTENT_DIR).filter(document => publishedId(document._id) === document._id)
const slugOf = (document: Record<string, unknown>) => (document.slug as { current?: string } | undefined)?.current
const routed = dataset.filter(document => ['page', 'formation', 'post'].includes(document._type) && slugOf(document))

/** The first resolver whose route matches, as Presentation picks it. */
function resolverFor(path: string): { resolver: DocumentResolver, params: Record<string, string>, path: string } | undefined {
  for (const resolver of mainDocuments) {
    for (const route of [resolver.route].flat()) {
      const result = match(route, { decode: decodeURIComponent })(path)
      if (result) return { resolver, params: result.params as Record<string, string>, path: result.path }
    }
  }
  return undefined
}

/** The `_id` of the main document of a site path, resolved against the embedded dataset. */
async function mainDocumentId(path: string): Promise<string | null> {
  const found = resolverFor(path)
  if (!found) return null
  const context = { origin: 'http://localhost:3000', params: found.params, path: found.path }
  const { resolver } = found
  let filter: string
  let params: Record<string, string> = {}
  if (resolver.type) {
    filter = `_type == "${resolver.type}"`
  }
  else if (resolver.resolve) {
    const resolved = resolver.resolve(context)!
    filter = resolved.filter
    params = resolved.params ?? {}
  }
  else {
    throw new Error('mainDocuments: only type and resolve resolvers are used')
  }
  const result = await (await evaluate(parse(`*[${filter}][0]._id`), { dataset, params })).get()
  return (result as string | null) ?? null
}

function locate(type: string, selected: Record<string, unknown> | null): DocumentLocationsState | null | undefined {
  const resolver = locations[type]
  if (!resolver) throw new Error(`no locations for ${type}`)
  return 'resolve' in resolver ? (resolver as DocumentLocationResolverObject).resolve(selected) ?? undefined : resolver
}

describe('Presentation: where each document appears on the site', () => {
  it('covers every document type that has a page', () => {
    expect(Object.keys(locations).sort()).toEqual(['formation', 'home', 'membership', 'page', 'post'])
  })

  it.each(routed.map(document => [document._id, document] as const))('%s: its own page first, at the site’s route', (_id, document) => {
    const state = locate(document._type, { title: document.title, slug: slugOf(document) })
    expect(state?.locations?.[0]).toEqual({ title: document.title, href: documentPath(document._type, slugOf(document)) })
  })

  it.each([
    ['formation', '/formations'],
    ['post', '/actualites'],
  ])('a %s is also listed on %s', (type, href) => {
    expect(locate(type, { title: 'X', slug: 'x' })?.locations?.map(location => location.href)).toContain(href)
  })

  it.each([
    ['home', '/'],
    ['membership', '/adhesion'],
  ])('%s → %s', (type, href) => {
    expect(locate(type, null)?.locations?.map(location => location.href)).toEqual([href])
  })

  it.each(['page', 'formation', 'post'])('a %s without slug says why it has no page', (type) => {
    const state = locate(type, { title: 'Sans adresse', slug: null })
    expect(state?.message).toMatch(/identifiant d’URL/)
    expect(state?.locations?.some(location => location.title === 'Sans adresse')).toBe(false)
  })
})

describe('Presentation: which document a site URL is about', () => {
  it.each(routed.map(document => [documentPath(document._type, slugOf(document))!, document._id] as const))('%s opens %s', async (path, id) => {
    expect(await mainDocumentId(path)).toBe(id)
  })

  it('/ opens the home page', async () => {
    expect(await mainDocumentId('/')).toBe('home')
  })

  it.each(['/formations', '/actualites', '/adhesion', '/formations/inconnue', '/actualites/page/2', '/page-inexistante'])('%s has no main document', async (path) => {
    expect(await mainDocumentId(path)).toBeNull()
  })

  it('passes slugs as parameters, so a quote in the URL cannot change the query', async () => {
    const found = resolverFor('/formations/x"||true||"')
    const resolved = found?.resolver.resolve?.({ origin: '', params: found.params, path: found.path })
    expect(resolved?.filter).not.toContain('true')
    expect(await mainDocumentId('/formations/x"||true||"')).toBeNull()
  })
})

describe('Presentation: the site origin', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.resetModules()
  })

  it('defaults to the local Nuxt dev server', async () => {
    vi.stubEnv('SANITY_STUDIO_PREVIEW_ORIGIN', '')
    vi.resetModules()
    expect((await import('../../studio/env')).previewOrigin).toBe('http://localhost:3000')
  })

  it('comes from SANITY_STUDIO_PREVIEW_ORIGIN', async () => {
    vi.stubEnv('SANITY_STUDIO_PREVIEW_ORIGIN', 'https://test.gpm.fr')
    vi.resetModules()
    expect((await import('../../studio/env')).previewOrigin).toBe('https://test.gpm.fr')
  })
})
