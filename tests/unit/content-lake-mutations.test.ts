import { createClient } from '@sanity/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SanityDocument } from '../../server/content-lake/dataset'
import { applyMutations, MutationError, parsePath } from '../../server/content-lake/mutations'
import { createContentLake, type ContentLake } from '../../server/content-lake/server'

const NOW = '2026-12-01T10:00:00.000Z'
const options = { transactionId: 'tx-1', now: NOW }

const formation = (): SanityDocument => ({
  _id: 'formation-a',
  _type: 'formation',
  _rev: 'rev-0',
  _createdAt: '2025-01-01T00:00:00Z',
  _updatedAt: '2025-01-01T00:00:00Z',
  title: 'Ancien titre',
  slug: { _type: 'slug', current: 'a' },
  seo: { title: 'SEO' },
  capacity: 10,
  sessions: [{ _key: 's1', city: 'Lyon' }, { _key: 's2', city: 'Paris' }],
})

const patched = (patch: Record<string, unknown>) => {
  const { documents } = applyMutations([formation()], [{ patch: { id: 'formation-a', ...patch } }], options)
  return documents.find(document => document._id === 'formation-a')!
}

describe('mutation paths', () => {
  it.each([
    ['title', [{ key: 'title' }]],
    ['seo.title', [{ key: 'seo' }, { key: 'title' }]],
    ['sessions[1].city', [{ key: 'sessions' }, { index: 1 }, { key: 'city' }]],
    ['sessions[-1]', [{ key: 'sessions' }, { index: -1 }]],
    ['sessions[_key=="s2"].city', [{ key: 'sessions' }, { keyMatch: 's2' }, { key: 'city' }]],
    ['sessions[_key == \'s2\']', [{ key: 'sessions' }, { keyMatch: 's2' }]],
  ])('%s', (path, segments) => {
    expect(parsePath(path)).toEqual(segments)
  })

  it.each(['', '..title', 'sessions[*]', 'a[?x]'])('refuses %j', (path) => {
    expect(() => parsePath(path)).toThrow(MutationError)
  })
})

describe('patch operations', () => {
  it.each<[string, Record<string, unknown>, (document: SanityDocument) => unknown, unknown]>([
    ['set a field', { set: { title: 'Nouveau titre' } }, document => document.title, 'Nouveau titre'],
    ['set a nested field, creating the object', { set: { 'meta.note': 'x' } }, document => document.meta, { note: 'x' }],
    ['set inside an array item by _key', { set: { 'sessions[_key=="s2"].city': 'Nantes' } }, document => document.sessions, [{ _key: 's1', city: 'Lyon' }, { _key: 's2', city: 'Nantes' }]],
    ['set on a missing array item is a no-op', { set: { 'sessions[_key=="zz"].city': 'Nantes' } }, document => (document.sessions as unknown[]).length, 2],
    ['setIfMissing keeps an existing value', { setIfMissing: { title: 'Autre' } }, document => document.title, 'Ancien titre'],
    ['setIfMissing fills a missing one', { setIfMissing: { level: 'débutant' } }, document => document.level, 'débutant'],
    ['unset a field', { unset: ['seo'] }, document => 'seo' in document, false],
    ['unset an array item', { unset: ['sessions[0]'] }, document => document.sessions, [{ _key: 's2', city: 'Paris' }]],
    ['inc', { inc: { capacity: 5 } }, document => document.capacity, 15],
    ['dec', { dec: { capacity: 3 } }, document => document.capacity, 7],
    ['insert after the last item', { insert: { after: 'sessions[-1]', items: [{ _key: 's3' }] } }, document => (document.sessions as { _key: string }[]).map(item => item._key), ['s1', 's2', 's3']],
    ['insert before a keyed item', { insert: { before: 'sessions[_key=="s2"]', items: [{ _key: 's0' }] } }, document => (document.sessions as { _key: string }[]).map(item => item._key), ['s1', 's0', 's2']],
    ['replace an item', { insert: { replace: 'sessions[0]', items: [{ _key: 'r' }] } }, document => (document.sessions as { _key: string }[]).map(item => item._key), ['r', 's2']],
    ['a patch cannot change the id or type', { set: { _id: 'other', _type: 'post' } }, document => [document._id, document._type], ['formation-a', 'formation']],
  ])('%s', (_, patch, pick, expected) => {
    expect(pick(patched(patch))).toEqual(expected)
  })

  it('stamps the revision and update time, keeps the creation time', () => {
    const document = patched({ set: { title: 'x' } })
    expect(document).toMatchObject({ _rev: 'tx-1', _updatedAt: NOW, _createdAt: '2025-01-01T00:00:00Z' })
  })

  it('leaves the input untouched', () => {
    const input = [formation()]
    applyMutations(input, [{ patch: { id: 'formation-a', set: { title: 'x' }, unset: ['seo'] } }], options)
    expect(input[0]).toEqual(formation())
  })
})

describe('transactions', () => {
  it.each<[string, unknown[], number, string]>([
    ['patch of a missing document', [{ patch: { id: 'nope', set: { a: 1 } } }], 404, 'documentNotFoundError'],
    ['create over an existing id', [{ create: { _id: 'formation-a', _type: 'formation' } }], 409, 'documentAlreadyExistsError'],
    ['wrong ifRevisionID', [{ patch: { id: 'formation-a', ifRevisionID: 'old', set: { a: 1 } } }], 409, 'conflictError'],
    ['unknown operation', [{ upsert: { _id: 'x' } }], 400, 'mutationError'],
    ['two operations in one mutation', [{ create: { _type: 'x' }, delete: { id: 'formation-a' } }], 400, 'mutationError'],
    ['document without a type', [{ createOrReplace: { _id: 'x' } }], 400, 'mutationError'],
    ['no mutations', [], 400, 'mutationError'],
  ])('refuses %s', (_, mutations, status, type) => {
    try {
      applyMutations([formation()], mutations, options)
      expect.unreachable()
    }
    catch (error) {
      expect(error).toBeInstanceOf(MutationError)
      expect(error).toMatchObject({ status, type })
    }
  })

  it('is all or nothing', () => {
    const input = [formation()]
    expect(() => applyMutations(input, [{ patch: { id: 'formation-a', set: { title: 'x' } } }, { patch: { id: 'missing', set: {} } }], options)).toThrow(MutationError)
    expect(input[0]!.title).toBe('Ancien titre')
  })

  it('creates, replaces and deletes', () => {
    const { documents, results } = applyMutations([formation()], [
      { create: { _id: 'post-b', _type: 'post', title: 'B' } },
      { createOrReplace: { _id: 'formation-a', _type: 'formation', title: 'Remplacé' } },
      { createIfNotExists: { _id: 'post-b', _type: 'post', title: 'ignoré' } },
      { delete: { id: 'post-b' } },
    ], options)
    expect(results.map(result => [result.id, result.operation])).toEqual([
      ['post-b', 'create'], ['formation-a', 'update'], ['post-b', 'update'], ['post-b', 'delete'],
    ])
    expect(documents).toEqual([expect.objectContaining({ _id: 'formation-a', title: 'Remplacé', _createdAt: '2025-01-01T00:00:00Z', _rev: 'tx-1' })])
  })
})

describe('embedded Content Lake: mutation API through @sanity/client', () => {
  const TOKEN = 'test-write-token'
  let lake: ContentLake
  let origin = ''
  const client = (token?: string) => createClient({
    projectId: 'embedded', dataset: 'production', apiVersion: '2025-02-19', apiHost: origin,
    useProjectHostname: false, useCdn: false, perspective: 'published', token,
  })

  beforeAll(async () => {
    lake = createContentLake({ contentDir: 'content', projectId: 'embedded', dataset: 'production', readToken: TOKEN })
    origin = await lake.listen()
  })
  afterAll(() => lake.close())

  it('patch().set().commit() changes what the next query returns', async () => {
    const id = await client().fetch<string>('*[_type == "formation"][0]._id')
    const document = await client(TOKEN).patch(id).set({ title: 'Titre modifié en test' }).commit()
    expect(document).toMatchObject({ _id: id, title: 'Titre modifié en test' })
    expect(typeof document._rev).toBe('string')
    expect(await client().fetch('*[_id == $id][0] { title, _rev }', { id })).toEqual({ title: 'Titre modifié en test', _rev: document._rev })
  })

  it('createOrReplace and delete', async () => {
    await client(TOKEN).createOrReplace({ _id: 'post-test-mutation', _type: 'post', title: 'Créé en test', slug: { _type: 'slug', current: 'cree-en-test' } })
    expect(await client().fetch('*[_id == "post-test-mutation"][0].title')).toBe('Créé en test')
    const { results } = await client(TOKEN).delete('post-test-mutation')
    expect(results).toEqual([{ id: 'post-test-mutation', operation: 'delete' }])
    expect(await client().fetch('count(*[_id == "post-test-mutation"])')).toBe(0)
  })

  it('a patched draft shows in the drafts perspective only', async () => {
    const draftId = await client(TOKEN).fetch<string>('*[_id in path("drafts.**")][0]._id', {}, { perspective: 'raw' })
    await client(TOKEN).patch(draftId).set({ title: 'Brouillon modifié' }).commit()
    const publishedId = draftId.replace(/^drafts\./, '')
    expect(await client(TOKEN).fetch('*[_id == $id][0].title', { id: publishedId }, { perspective: 'drafts' })).toBe('Brouillon modifié')
    expect(await client().fetch('*[_id == $id][0].title', { id: publishedId })).not.toBe('Brouillon modifié')
  })

  it.each([
    ['no token', undefined],
    ['a wrong token', 'wrong-token'],
  ])('refuses a mutation with %s (401), nothing changes', async (_, token) => {
    const before = await client().fetch<string>('*[_type == "formation"][1].title')
    const id = await client().fetch<string>('*[_type == "formation"][1]._id')
    await expect(client(token).patch(id).set({ title: 'pirate' }).commit()).rejects.toMatchObject({ statusCode: 401 })
    expect(await client().fetch('*[_type == "formation"][1].title')).toBe(before)
  })

  it('refuses every mutation when no token is configured', async () => {
    const open = createContentLake({ contentDir: 'content', projectId: 'embedded', dataset: 'production' })
    const openOrigin = await open.listen()
    try {
      const response = await fetch(`${openOrigin}/v2025-02-19/data/mutate/production`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'authorization': 'Bearer ' },
        body: JSON.stringify({ mutations: [{ delete: { id: 'siteSettings' } }] }),
      })
      expect(response.status).toBe(401)
    }
    finally {
      await open.close()
    }
  })

  it('answers a conflict with the Content Lake\'s error shape', async () => {
    const response = await fetch(`${origin}/v2025-02-19/data/mutate/production`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': `Bearer ${TOKEN}` },
      body: JSON.stringify({ mutations: [{ patch: { id: 'does-not-exist', set: { title: 'x' } } }] }),
    })
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ error: { type: 'documentNotFoundError' }, statusCode: 404 })
  })
})
