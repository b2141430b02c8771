/**
 * The embedded Content Lake memoises query results until a mutation changes
 * the dataset, keeps clock-dependent queries live, and never shows a private
 * document (id with a dot, as Sanity's preview secrets) without the token.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, type SanityClient } from '@sanity/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContentLake, type ContentLake } from '../../server/content-lake/server'
import { writePreviewDataset } from '../fixtures/dataset'

const TOKEN = 'test-read-token'
const SECRET = 'a'.repeat(32)
const dir = mkdtempSync(join(tmpdir(), 'gpm-lake-cache-'))
let lake: ContentLake
let anonymous: SanityClient
let editor: SanityClient

beforeAll(async () => {
  writePreviewDataset(dir, SECRET, 'http://studio.test')
  lake = createContentLake({ contentDir: dir, projectId: 'embedded', dataset: 'production', readToken: TOKEN })
  const origin = await lake.listen()
  const base = { projectId: 'embedded', dataset: 'production', apiVersion: '2025-02-19', apiHost: origin, useProjectHostname: false, useCdn: false }
  anonymous = createClient({ ...base, perspective: 'published' })
  editor = createClient({ ...base, perspective: 'raw', token: TOKEN })
})
afterAll(async () => {
  await lake.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('embedded Content Lake: memoised results', () => {
  it('answers the same query again from memory, and a mutation makes it current', async () => {
    const query = '*[_id == "formation-reseaux-sociaux"][0].title'
    const before = await anonymous.fetch<string>(query)
    expect(await anonymous.fetch<string>(query)).toBe(before)
    await editor.patch('formation-reseaux-sociaux').set({ title: 'Titre modifié par le test' }).commit()
    expect(await anonymous.fetch<string>(query)).toBe('Titre modifié par le test')
  })

  it('keeps parameters and perspectives apart', async () => {
    const query = '*[_type == $type] | order(_id asc)[0]._id'
    const formation = await anonymous.fetch<string>(query, { type: 'formation' })
    const post = await anonymous.fetch<string>(query, { type: 'post' })
    expect(formation).not.toBe(post)
    const drafts = await editor.withConfig({ perspective: 'drafts' }).fetch<number>('count(*[_id in path("drafts.**")])')
    const raw = await editor.fetch<number>('count(*[_id in path("drafts.**")])')
    expect(raw).toBeGreaterThan(0)
    expect(drafts).toBe(0)
  })

  it('evaluates clock-dependent queries every time (preview secrets expire)', async () => {
    const query = `*[_type == "sanity.previewUrlSecret" && dateTime(_updatedAt) > dateTime(now()) - 3600][0].secret`
    expect(await editor.fetch<string>(query)).toBe(SECRET)
  })
})

describe('embedded Content Lake: private documents', () => {
  it('hides documents whose id has a dot from token-less queries, shows them with the token', async () => {
    const query = '*[_type == "sanity.previewUrlSecret"].secret'
    expect(await anonymous.fetch<string[]>(query)).toEqual([])
    expect(await editor.fetch<string[]>(query)).toEqual([SECRET])
  })
})
