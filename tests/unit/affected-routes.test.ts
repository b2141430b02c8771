import { readFileSync } from 'node:fs'
import { createClient } from '@sanity/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { affectedRoutes, type ContentFacts, POSTS_PER_PAGE } from '../../shared/affected-routes'
import { resolveAffectedRoutes } from '../../server/publish/content-facts'
import { createContentLake, type ContentLake } from '../../server/content-lake/server'

const noFacts: ContentFacts = { referencedBy: [], listedOn: [], categorySlugs: [], postCount: 0 }
const facts = (overrides: Partial<ContentFacts>): ContentFacts => ({ ...noFacts, ...overrides })
const catalogue = (...slugs: string[]) => ['/formations', '/formations?a-venir=1', ...slugs.flatMap(slug => [`/formations?categorie=${slug}`, `/formations?categorie=${slug}&a-venir=1`])]
const sorted = (routes: string[]) => [...new Set(routes)].sort()

describe('affected routes (pure)', () => {
  it.each<[string, Parameters<typeof affectedRoutes>[0], ContentFacts, string[]]>([
    ['a formation: its page, the catalogue filtered by its category, the home page, the sitemap',
      { id: 'formation-a', type: 'formation', slug: 'secourisme', previousSlug: 'secourisme' },
      facts({ categorySlugs: ['prevention'] }),
      ['/', '/formations/secourisme', '/sitemap.xml', ...catalogue('prevention')]],
    ['a renamed formation: old and new address',
      { id: 'formation-a', type: 'formation', slug: 'secourisme-2027', previousSlug: 'secourisme' },
      noFacts,
      ['/', '/formations/secourisme', '/formations/secourisme-2027', '/sitemap.xml', ...catalogue()]],
    ['a formation moved to another category: both filtered catalogues',
      { id: 'formation-a', type: 'formation', slug: 'a', previousSlug: 'a' },
      facts({ categorySlugs: ['nouvelle', 'ancienne'] }),
      ['/', '/formations/a', '/sitemap.xml', ...catalogue('nouvelle', 'ancienne')]],
    ['a formation listed on pages (manual list, upcoming list on home, nested page)',
      { id: 'formation-a', type: 'formation', slug: 'a', previousSlug: 'a' },
      facts({ referencedBy: [{ type: 'page', slug: 'adhesion-faq' }], listedOn: [{ type: 'home' }, { type: 'page', slug: 'association/equipe' }] }),
      ['/', '/adhesion-faq', '/association/equipe', '/formations/a', '/sitemap.xml', ...catalogue()]],
    ['a deleted formation: its old address',
      { id: 'formation-a', type: 'formation', slug: null, previousSlug: 'a' },
      noFacts,
      ['/', '/formations/a', '/sitemap.xml', ...catalogue()]],
    ['a post: its page, the news list and its pages, the home page',
      { id: 'post-a', type: 'post', slug: 'ag-2026', previousSlug: 'ag-2026' },
      facts({ postCount: POSTS_PER_PAGE * 2 + 1 }),
      ['/', '/actualites', '/actualites/ag-2026', '/actualites/page/2', '/actualites/page/3', '/sitemap.xml']],
    ['a page: its path and the pages linking to it',
      { id: 'page-a', type: 'page', slug: 'a-propos', previousSlug: 'a-propos' },
      facts({ referencedBy: [{ type: 'page', slug: 'contact' }, { type: 'navigation' }] }),
      ['/a-propos', '/contact', '/sitemap.xml']],
    ['the home page: only /',
      { id: 'home', type: 'home' },
      noFacts,
      ['/', '/sitemap.xml']],
    ['a person: formations and posts showing them, team lists',
      { id: 'person-a', type: 'person' },
      facts({ referencedBy: [{ type: 'formation', slug: 'a' }, { type: 'post', slug: 'b' }], listedOn: [{ type: 'page', slug: 'equipe' }] }),
      ['/actualites/b', '/equipe', '/formations/a', '/sitemap.xml']],
    ['a category: the catalogue under its old and new slug, its formations',
      { id: 'category-a', type: 'category', slug: 'neuve', previousSlug: 'vieille' },
      facts({ referencedBy: [{ type: 'formation', slug: 'a' }], categorySlugs: ['neuve', 'vieille'] }),
      ['/formations/a', '/sitemap.xml', ...catalogue('neuve', 'vieille')]],
    ['a membership: /adhesion and the pages listing memberships',
      { id: 'membership-a', type: 'membership' },
      facts({ listedOn: [{ type: 'home' }] }),
      ['/', '/adhesion', '/sitemap.xml']],
    ['an image: the documents using it',
      { id: 'image-abc-10x10-jpg', type: 'sanity.imageAsset' },
      facts({ referencedBy: [{ type: 'post', slug: 'b' }] }),
      ['/actualites/b', '/sitemap.xml']],
    ['a slug that is not a route is ignored',
      { id: 'page-x', type: 'page', slug: '../admin', previousSlug: 'Bad Slug' },
      noFacts,
      ['/sitemap.xml']],
    ['a draft: nothing',
      { id: 'drafts.formation-a', type: 'formation', slug: 'a' },
      noFacts,
      []],
  ])('%s', (_, change, contentFacts, expected) => {
    expect(affectedRoutes(change, contentFacts)).toEqual({ all: false, routes: sorted(expected) })
  })

  it.each<[string, Parameters<typeof affectedRoutes>[0], ContentFacts]>([
    ['navigation', { id: 'navigation', type: 'navigation' }, noFacts],
    ['site settings', { id: 'siteSettings', type: 'siteSettings' }, noFacts],
    ['a page linked from the navigation, renamed', { id: 'page-a', type: 'page', slug: 'nouveau', previousSlug: 'ancien' }, facts({ referencedBy: [{ type: 'navigation' }] })],
    ['a page linked from the navigation, deleted', { id: 'page-a', type: 'page', slug: null, previousSlug: 'ancien' }, facts({ referencedBy: [{ type: 'navigation' }] })],
  ])('%s affects every route', (_, change, contentFacts) => {
    expect(affectedRoutes(change, contentFacts)).toMatchObject({ all: true, reason: expect.any(String) })
  })

  it('uses the news list\'s page size', () => {
    const component = readFileSync('components/post/PostListing.vue', 'utf8')
    expect(component).toMatch(new RegExp(`POSTS_PER_PAGE = ${POSTS_PER_PAGE}\\b`))
  })
})

describe('affected routes from the embedded dataset (GROQ through the official client)', () => {
  let lake: ContentLake
  let content: ReturnType<typeof createClient>

  beforeAll(async () => {
    lake = createContentLake({ contentDir: 'content', projectId: 'embedded', dataset: 'production' })
    content = createClient({ projectId: 'embedded', dataset: 'production', apiVersion: '2025-02-19', apiHost: await lake.listen(), useProjectHostname: false, useCdn: false, perspective: 'published' })
  })
  afterAll(() => lake.close())

  it.each<[string, Parameters<typeof resolveAffectedRoutes>[1], string[], string[]]>([
    ['a formation in a manual list, linked from another formation, in the category listed on /a-propos',
      { id: 'formation-comptabilite-associative', type: 'formation', slug: 'comptabilite-associative', previousSlug: 'comptabilite-associative' },
      ['/', '/a-propos', '/adhesion-faq', '/formations/comptabilite-associative', '/formations/dossier-de-subvention', '/formations?categorie=gestion-associative', '/sitemap.xml'],
      ['/formations/reseaux-sociaux', '/formations?categorie=prevention-securite', '/contact', '/actualites']],
    ['a formation of another category, moved from gestion-associative',
      { id: 'formation-prevention-secours-civiques-psc1', type: 'formation', slug: 'prevention-secours-civiques-psc1', previousSlug: 'prevention-secours-civiques-psc1', previousCategory: 'category-gestion-associative' },
      ['/', '/a-propos', '/formations?categorie=prevention-securite', '/formations?categorie=gestion-associative'],
      ['/adhesion-faq']],
    ['a formation of another category',
      { id: 'formation-prevention-secours-civiques-psc1', type: 'formation', slug: 'prevention-secours-civiques-psc1', previousSlug: 'prevention-secours-civiques-psc1' },
      ['/', '/formations/prevention-secours-civiques-psc1', '/formations?categorie=prevention-securite'],
      ['/a-propos', '/adhesion-faq', '/formations?categorie=gestion-associative']],
    ['an instructor',
      { id: 'person-helene-garnier', type: 'person' },
      ['/association/equipe', '/formations/prevention-secours-civiques-psc1', '/formations/securite-des-evenements'],
      ['/formations/reseaux-sociaux', '/']],
    ['a membership shown on the home page and the FAQ',
      { id: 'membership-solidaire', type: 'membership' },
      ['/', '/adhesion', '/adhesion-faq'],
      ['/formations']],
    ['a post, with the news pagination',
      { id: 'post-calendrier-2027', type: 'post', slug: 'calendrier-2027', previousSlug: 'calendrier-2027' },
      ['/', '/actualites', '/actualites/page/2', '/actualites/calendrier-2027'],
      ['/actualites/page/3', '/formations']],
  ])('%s', async (_, change, included, excluded) => {
    const resolved = await resolveAffectedRoutes(content, change)
    expect(resolved.all).toBe(false)
    expect(resolved.routes).toEqual(expect.arrayContaining(included))
    for (const route of excluded) expect(resolved.routes).not.toContain(route)
  })

  it('names the document\'s own addresses, refreshed first', async () => {
    const resolved = await resolveAffectedRoutes(content, { id: 'formation-reseaux-sociaux', type: 'formation', slug: 'reseaux-sociaux-2027', previousSlug: 'reseaux-sociaux' })
    expect(resolved.primary).toEqual(['/formations/reseaux-sociaux-2027', '/formations/reseaux-sociaux'])
  })

  it('a renamed page the footer links to: every route, old address included', async () => {
    const resolved = await resolveAffectedRoutes(content, { id: 'page-a-propos', type: 'page', slug: 'qui-sommes-nous', previousSlug: 'a-propos' })
    expect(resolved.all).toBe(true)
    expect(resolved.primary).toEqual(['/qui-sommes-nous', '/a-propos'])
    expect(resolved.routes).toEqual(expect.arrayContaining([
      '/', '/a-propos', '/adhesion', '/actualites', '/actualites/page/2', '/association/equipe', '/formations',
      '/formations/reseaux-sociaux', '/actualites/calendrier-2027', '/formations?categorie=prevention-securite', '/sitemap.xml',
    ]))
    expect(resolved.routes.length).toBeGreaterThan(30)
  })
})
