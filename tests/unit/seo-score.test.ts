import { describe, expect, it } from 'vitest'
import { CONTENT_DIR, readDataset } from '../../scripts/content/check-dataset'
import {
  SEO_CHECK_WEIGHTS,
  SEO_DOCUMENT_TYPES,
  seoInputFromDocument,
  seoScore,
  seoScoreOfDocument,
  type SeoCheckId,
  type SeoInput,
  type SeoStatus,
} from '../../shared/seo-score'

const CHECK_IDS = Object.keys(SEO_CHECK_WEIGHTS) as SeoCheckId[]

/** A formation that passes every check; each case changes what it tests. */
function input(overrides: Partial<SeoInput> = {}): SeoInput {
  return {
    type: 'formation',
    title: 'Premiers secours',
    seoTitle: 'Premiers secours : la formation PSC1 à Lyon',
    seoDescription: 'Une journée pour apprendre les gestes qui sauvent, avec un formateur certifié et en petit groupe.',
    fallbackDescription: null,
    slug: 'premiers-secours',
    noIndex: false,
    openingHero: undefined,
    textStyles: ['normal', 'h2', 'normal'],
    images: [{ alt: 'Formatrice montrant la position latérale de sécurité' }],
    internalLinks: 2,
    ...overrides,
  }
}

function check(id: SeoCheckId, value: SeoInput) {
  const found = seoScore(value).checks.find(candidate => candidate.id === id)
  if (!found) throw new Error(`no check ${id}`)
  return found
}

type Case = [string, Partial<SeoInput>, SeoStatus, string]

const CASES: Record<SeoCheckId, Case[]> = {
  'title': [
    ['its own SEO title of 43 characters', {}, 'ok', '43 caractères'],
    ['the document title when the SEO title is empty', { seoTitle: '', title: 'Premiers secours civiques de niveau 1 à Lyon' }, 'ok', 'le titre du contenu est utilisé'],
    ['a short SEO title', { seoTitle: 'PSC1' }, 'warning', 'Visez 30 à 60'],
    ['a long SEO title', { seoTitle: 'Premiers secours civiques de niveau 1 : la formation complète de GPM à Lyon' }, 'warning', 'coupé'],
    ['a short document title in place of the SEO title', { seoTitle: null, title: 'Contact' }, 'warning', 'le titre du contenu est utilisé'],
    ['no title at all', { seoTitle: ' ', title: null }, 'error', 'Aucun titre'],
  ],
  'description': [
    ['its own SEO description', {}, 'ok', 'caractères'],
    ['a formation summary in its place', { seoDescription: '', fallbackDescription: 'Déclarations, dispositif de secours, accueil du public : organiser un événement sans mauvaise surprise.' }, 'ok', 'le résumé est utilisé'],
    ['a post excerpt in its place', { type: 'post', seoDescription: null, fallbackDescription: 'Le bilan de l’assemblée générale 2025 : les comptes, les projets et le nouveau conseil d’administration.' }, 'ok', 'le chapô est utilisé'],
    ['a short description', { seoDescription: 'Formation aux premiers secours.' }, 'warning', 'Visez 70 à 160'],
    ['a long description', { seoDescription: 'x'.repeat(161) }, 'warning', 'Au-delà de 160'],
    ['no description at all', { type: 'page', slug: 'contact', seoDescription: undefined }, 'error', 'Aucune description'],
  ],
  'h1': [
    ['a formation: its title', {}, 'ok', '« Premiers secours »'],
    ['a page opening with a hero: its heading', { type: 'page', slug: 'a-propos', openingHero: { heading: 'Former pour mieux secourir' } }, 'ok', 'bandeau'],
    ['a page whose opening hero has no heading', { type: 'page', slug: 'a-propos', openingHero: { heading: '' } }, 'error', 'n’a pas de titre'],
    ['no title and no hero', { title: '', seoTitle: 'Premiers secours : la formation PSC1 à Lyon' }, 'error', 'Aucun titre principal'],
    ['a level-1 heading in the text', { textStyles: ['normal', 'h1', 'h2'] }, 'error', '1 titre de niveau 1'],
    ['two level-1 headings in a page with a hero', { type: 'page', slug: 'a', openingHero: { heading: 'Bienvenue' }, textStyles: ['h1', 'h1'] }, 'error', '2 titres de niveau 1'],
  ],
  'image-alt': [
    ['no image', { images: [] }, 'ok', 'Aucune image'],
    ['every image described', { images: [{ alt: 'Salle de formation' }, { alt: 'Mannequin de secourisme' }] }, 'ok', 'Les 2 images'],
    ['one image of three without alt text', { images: [{ alt: 'Salle' }, { alt: null }, { alt: 'Groupe' }] }, 'error', '1 image sur 3'],
    ['blank alt texts', { images: [{ alt: ' ' }, {}] }, 'error', '2 images sur 2'],
  ],
  'internal-links': [
    ['one link to the site', { internalLinks: 1 }, 'ok', '1 lien'],
    ['several links', { internalLinks: 4 }, 'ok', '4 liens'],
    ['no link to the site', { internalLinks: 0 }, 'warning', 'Aucun lien'],
  ],
  'slug': [
    ['a short formation slug', {}, 'ok', '/formations/premiers-secours'],
    ['a nested page slug', { type: 'page', slug: 'association/equipe' }, 'ok', '/association/equipe'],
    ['the home page, which has none', { type: 'home', slug: undefined }, 'ok', '« / »'],
    ['one stop word is fine', { type: 'page', slug: 'politique-de-confidentialite' }, 'ok', 'court'],
    ['a missing slug', { slug: '' }, 'error', 'manquant'],
    ['uppercase and underscores', { slug: 'Premiers_Secours' }, 'error', 'minuscules'],
    ['a nested formation slug', { slug: 'secours/premiers' }, 'error', '« / »'],
    ['a page under a reserved segment', { type: 'page', slug: 'formations/premiers-secours' }, 'error', 'réservé'],
    ['more than five words', { slug: 'formation-premiers-secours-niveau-un-lyon-2027' }, 'warning', '7 mots'],
    ['stop-word soup', { type: 'post', slug: 'comment-faire-pour-que-le-site' }, 'warning', 'mots vides'],
  ],
  'indexable': [
    ['indexable', {}, 'ok', 'peuvent référencer'],
    ['noIndex set', { noIndex: true }, 'warning', 'Ne pas référencer'],
  ],
}

describe('seoScore checks', () => {
  it('covers every check, worth 100 points in all', () => {
    expect(Object.keys(CASES).sort()).toEqual([...CHECK_IDS].sort())
    expect(Object.values(SEO_CHECK_WEIGHTS).reduce((sum, weight) => sum + weight, 0)).toBe(100)
  })

  for (const id of CHECK_IDS) {
    it.each(CASES[id])(`${id}: %s`, (_title, overrides, status, message) => {
      const result = check(id, input(overrides))
      expect(result.status).toBe(status)
      expect(result.message).toContain(message)
      expect(result.label).not.toBe('')
    })
  }
})

describe('seoScore total', () => {
  it.each([
    ['every check ok', {}, 100],
    ['one warning (short SEO title): half of 20 points lost', { seoTitle: 'PSC1' }, 90],
    ['one error (image without alt): 15 points lost', { images: [{}] }, 85],
    ['a warning and an error', { internalLinks: 0, slug: '' }, 85],
    ['everything wrong', { title: '', seoTitle: '', seoDescription: '', slug: '', images: [{}], internalLinks: 0, noIndex: true }, 10],
  ])('%s → %i', (_title, overrides, score) => {
    const result = seoScore(input(overrides))
    expect(result.score).toBe(score)
    expect(result.checks.map(item => item.id)).toEqual(CHECK_IDS)
  })
})

const reference = (id: string) => ({ _type: 'reference', _ref: id })
const block = (style: string, markDefs: object[] = [], marks: string[] = []) => ({
  _type: 'block',
  style,
  markDefs,
  children: [{ _type: 'span', text: 'Texte', marks }],
})

describe('seoInputFromDocument', () => {
  it('reads a page as the site renders it: hero heading as h1, images, links, noIndex', () => {
    const page = {
      _id: 'page-a-propos',
      _type: 'page',
      title: 'À propos',
      slug: { _type: 'slug', current: 'a-propos' },
      seo: { _type: 'seo', title: 'L’association GPM', noIndex: true },
      blocks: [
        { _type: 'hero', heading: 'Former pour mieux secourir', image: { _type: 'image', asset: reference('image-a-1x1-jpg'), alt: 'Un atelier' } },
        {
          _type: 'richText',
          body: [
            block('h1'),
            block('normal', [
              { _key: 'm1', _type: 'internalLink', reference: reference('formation-x') },
              { _key: 'm2', _type: 'link', href: '/adhesion' },
              { _key: 'm3', _type: 'link', href: 'https://www.service-public.fr' },
            ], ['m1', 'm2', 'm3']),
            { _type: 'image', _sanityAsset: 'image@file://./images/b-1x1.jpg' },
          ],
        },
        { _type: 'callToAction', heading: 'Adhérer', action: { _type: 'link', label: 'Adhérer', linkType: 'path', path: '/adhesion' } },
        { _type: 'callToAction', heading: 'Lire', action: { _type: 'link', label: 'Lire', linkType: 'external', url: 'https://example.org' } },
        // An image field with no file yet (as in the Studio) is not an image of the page.
        { _type: 'imageGallery', images: [{ _type: 'image', alt: 'Pas encore de fichier' }] },
      ],
    }
    expect(seoInputFromDocument(page)).toEqual({
      type: 'page',
      title: 'À propos',
      seoTitle: 'L’association GPM',
      seoDescription: undefined,
      fallbackDescription: undefined,
      slug: 'a-propos',
      noIndex: true,
      openingHero: { heading: 'Former pour mieux secourir' },
      textStyles: ['h1', 'normal'],
      images: [{ alt: 'Un atelier' }, { alt: undefined }],
      internalLinks: 3,
    })
  })

  it('reads a formation and a post: title as h1 and their summary as fallback description', () => {
    const formation = seoInputFromDocument({ _type: 'formation', title: 'PSC1', summary: 'Résumé', body: [block('h2')], slug: { current: 'psc1' } })
    expect(formation).toMatchObject({ type: 'formation', fallbackDescription: 'Résumé', openingHero: undefined, textStyles: ['h2'], slug: 'psc1', noIndex: false })
    const post = seoInputFromDocument({ _type: 'post', title: 'AG 2025', excerpt: 'Chapô', blocks: [{ _type: 'hero', heading: 'Ignoré' }] })
    expect(post).toMatchObject({ type: 'post', fallbackDescription: 'Chapô', openingHero: undefined })
  })

  it('reads the home page, which opens without a hero here', () => {
    expect(seoInputFromDocument({ _type: 'home', title: 'GPM', blocks: [{ _type: 'richText', body: [] }] }))
      .toMatchObject({ type: 'home', slug: undefined, openingHero: undefined, internalLinks: 0 })
  })

  it.each([
    { _type: 'person', name: 'Élodie' },
    { _type: 'siteSettings' },
    { title: 'Sans type' },
    null,
    'page',
  ])('has no score for %j', (document) => {
    expect(seoInputFromDocument(document)).toBeUndefined()
    expect(seoScoreOfDocument(document)).toBeUndefined()
  })
})

describe('the embedded dataset', () => {
  const documents = readDataset(CONTENT_DIR).filter(document => (SEO_DOCUMENT_TYPES as readonly string[]).includes(document._type))

  it('has pages, formations, posts and the home page to score', () => {
    expect(new Set(documents.map(document => document._type))).toEqual(new Set(SEO_DOCUMENT_TYPES))
  })

  it.each(documents.map(document => [document._id, document] as const))('scores %s', (_id, document) => {
    const result = seoScoreOfDocument(document)
    expect(result).toBeDefined()
    expect(Number.isInteger(result!.score)).toBe(true)
    expect(result!.score).toBeGreaterThanOrEqual(0)
    expect(result!.score).toBeLessThanOrEqual(100)
    expect(result!.checks.map(item => item.id)).toEqual(CHECK_IDS)
    for (const item of result!.checks) {
      expect(['ok', 'warning', 'error']).toContain(item.status)
      expect(item.label.length).toBeGreaterThan(0)
      expect(item.message.length).toBeGreaterThan(0)
    }
  })
})
