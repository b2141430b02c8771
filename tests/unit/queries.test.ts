import { readFileSync } from 'node:fs'
import { createClient, type SanityClient } from '@sanity/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContentLake, type ContentLake } from '../../server/content-lake/server'
import * as queries from '../../queries/index'
import type { FormationQueryResult, HomeQueryResult, LayoutQueryResult, PageQueryResult, PostListQueryResult, SitemapQueryResult } from '../../types/sanity.types'

let lake: ContentLake
let client: SanityClient

beforeAll(async () => {
  lake = createContentLake({ contentDir: 'content', projectId: 'embedded', dataset: 'production' })
  client = createClient({ projectId: 'embedded', dataset: 'production', apiVersion: '2025-02-19', apiHost: await lake.listen(), useProjectHostname: false, useCdn: false, perspective: 'published' })
})
afterAll(() => lake.close())

describe('the site queries against the embedded dataset', () => {
  it('every exported query is named ...Query and parses', async () => {
    const entries = Object.entries(queries)
    expect(entries.length).toBeGreaterThanOrEqual(9)
    for (const [name, query] of entries) {
      expect(name).toMatch(/Query$/)
      const params = { slug: 'a-propos', category: '', start: 0, end: 6 }
      // A GROQ error rejects; every query returns an object, a list or null, never undefined.
      const result = await client.fetch(query, params)
      expect(result, name).not.toBeUndefined()
    }
  })

  it('layout: settings and navigation with resolved links', async () => {
    const layout = await client.fetch<LayoutQueryResult>(queries.layoutQuery)
    expect(layout.settings?.title).toBe('GPM')
    expect(layout.settings?.helloAssoOrganization).toBe('gpm')
    const internal = layout.navigation?.headerLinks?.filter(link => link.linkType === 'internal') ?? []
    expect(internal.length).toBeGreaterThan(0)
    for (const link of internal) expect(link.internal?.slug).toEqual(expect.any(String))
  })

  it('home: blocks projected per type, with their referenced content', async () => {
    const home = await client.fetch<HomeQueryResult>(queries.homeQuery)
    const types = home?.blocks?.map(block => block._type) ?? []
    expect(types[0]).toBe('hero')
    const formationList = home?.blocks?.find(block => block._type === 'formationList')
    expect(formationList && 'formations' in formationList && formationList.formations?.length).toBeGreaterThan(0)
    const tiers = home?.blocks?.find(block => block._type === 'membershipTiers')
    expect(tiers && 'tiers' in tiers && tiers.tiers?.length).toBe(3)
  })

  it('page by nested slug, and nothing for an unknown slug', async () => {
    const team = await client.fetch<PageQueryResult>(queries.pageQuery, { slug: 'association/equipe' })
    const teamList = team?.blocks?.find(block => block._type === 'teamList')
    expect(teamList && 'people' in teamList && teamList.people?.length).toBeGreaterThan(0)
    expect(await client.fetch(queries.pageQuery, { slug: 'n-existe-pas' })).toBeNull()
  })

  it('formation detail: published title even when a draft edits it', async () => {
    const formation = await client.fetch<FormationQueryResult>(queries.formationQuery, { slug: 'reseaux-sociaux' })
    expect(formation?.title).toBeTruthy()
    expect(formation?.title).not.toContain('BROUILLON')
    expect(formation?.sessions?.length).toBeGreaterThan(0)
    expect(formation?.instructors?.every(person => person.name)).toBe(true)
  })

  it('news list pages through posts newest first', async () => {
    const first = await client.fetch<PostListQueryResult>(queries.postListQuery, { start: 0, end: 6 })
    const second = await client.fetch<PostListQueryResult>(queries.postListQuery, { start: 6, end: 12 })
    expect(first.posts).toHaveLength(6)
    expect(first.total).toBe(first.posts.length + second.posts.length)
    const dates = [...first.posts, ...second.posts].map(post => post.publishedAt!)
    expect(dates).toEqual([...dates].sort().reverse())
  })

  it('catalogue filters by category slug', async () => {
    const all = await client.fetch<{ formations: unknown[], categories: { slug: string }[] }>(queries.formationCatalogueQuery, { category: '' })
    const one = await client.fetch<{ formations: { category: { slug: string } }[] }>(queries.formationCatalogueQuery, { category: all.categories[0]!.slug })
    expect(one.formations.length).toBeGreaterThan(0)
    expect(one.formations.length).toBeLessThan(all.formations.length)
    for (const formation of one.formations) expect(formation.category.slug).toBe(all.categories[0]!.slug)
  })

  it('sitemap lists only published documents', async () => {
    const sitemap = await client.fetch<SitemapQueryResult>(queries.sitemapQuery)
    const draftOnlySlugs = readFileSync('content/data.ndjson', 'utf8').trim().split('\n').map(line => JSON.parse(line))
      .filter(document => document._id === 'drafts.post-bilan-mi-saison').map(document => document.slug.current as string)
    expect(draftOnlySlugs).toHaveLength(1)
    expect(sitemap.posts.map(post => post.slug)).not.toContain(draftOnlySlugs[0])
    expect(sitemap.formations.length).toBeGreaterThanOrEqual(8)
  })
})
