import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  checkFormationListSelection,
  checkHelloAssoOrganization,
  checkImageAlt,
  checkLinkTarget,
  checkPlaceCount,
  checkRegistrations,
  checkReservedSlug,
  checkSeoDescriptionLength,
  checkSeoTitleLength,
  checkSessionDates,
  checkSitePath,
  checkSlugFormat,
  RESERVED_PAGE_SEGMENTS,
  slugify,
} from '../../shared/content-rules'
import { isEmptyValue, REQUIRED_ANNOTATION_FIELDS, REQUIRED_FIELDS, requiredFieldsOf } from '../../shared/required-fields'
import {
  checkDocuments,
  CONTENT_DIR,
  type DatasetDocument,
  formatProblem,
  readDataset,
  RULE_SEVERITY,
  type RuleId,
} from '../../scripts/content/check-dataset'
import { FOREIGN_REGISTRATION_URL, FOREIGN_URL_FORMATION_ID, writeFixtureDataset } from '../fixtures/dataset'

const text = (length: number) => 'a'.repeat(length)

describe('slugify', () => {
  it.each([
    ['Premiers secours : l’été 2025', 'premiers-secours-l-ete-2025'],
    ['Œuvre & cœur', 'oeuvre-coeur'],
    ['  --Déjà vu--  ', 'deja-vu'],
    ['Straße', 'strasse'],
    ['PSC1', 'psc1'],
    ['!!!', ''],
  ])('%j → %j', (source, slug) => {
    expect(slugify(source)).toBe(slug)
  })

  it('cuts a long title at a dash, within the limit', () => {
    const slug = slugify('formation '.repeat(20), 30)
    expect(slug.length).toBeLessThanOrEqual(30)
    expect(slug).toMatch(/^formation(?:-formation)*$/)
  })

  it('every slug it makes passes the slug format', () => {
    for (const source of ['Ça va ? Oui !', 'L’association « GPM »', 'A'.repeat(200)]) {
      expect(checkSlugFormat(slugify(source))).toBe(true)
    }
  })
})

describe('checkSlugFormat', () => {
  it.each([
    ['premiers-secours', {}],
    ['psc1', {}],
    ['association/equipe', { nested: true }],
    ['', {}],
    [undefined, {}],
    [null, {}],
  ])('accepts %j (%j)', (slug, options) => {
    expect(checkSlugFormat(slug, options)).toBe(true)
  })

  it.each([
    [42, {}, 'texte'],
    [text(97), {}, '96 caractères'],
    ['Premiers-Secours', {}, 'minuscules'],
    ['association/equipe', {}, '« / »'],
    ['/equipe', { nested: true }, 'commencer ni finir'],
    ['association//equipe', { nested: true }, 'deux à la suite'],
    ['premiers_secours', {}, 'tirets simples'],
    ['premiers--secours', {}, 'tirets simples'],
    ['-secours', {}, 'tirets simples'],
    ['sécurité', {}, 'sans accent'],
  ])('refuses %j (%j)', (slug, options, message) => {
    expect(checkSlugFormat(slug, options)).toContain(message)
  })
})

describe('checkReservedSlug', () => {
  it.each(['association/equipe', 'formations-en-ligne', 'apiculture', '', undefined, 42])('accepts %j', (slug) => {
    expect(checkReservedSlug(slug)).toBe(true)
  })

  it.each([...RESERVED_PAGE_SEGMENTS, 'api/contact', 'Formations/x', ' admin '])('refuses %j', (slug) => {
    expect(checkReservedSlug(slug)).toContain('est réservé')
  })
})

describe('checkSessionDates', () => {
  it.each([
    ['2027-03-01T08:00:00Z', '2027-03-01T16:00:00Z'],
    ['2027-03-01T08:00:00Z', '2027-03-01T08:00:00Z'],
    ['2027-03-01T08:00:00Z', '2027-03-02T16:00:00Z'],
    [undefined, '2027-03-01T16:00:00Z'],
    ['2027-03-01T08:00:00Z', undefined],
    ['', ''],
  ])('accepts %j → %j', (start, end) => {
    expect(checkSessionDates(start, end)).toBe(true)
  })

  it.each([
    ['2027-03-01T16:00:00Z', '2027-03-01T08:00:00Z', 'postérieure'],
    ['2027-03-02T08:00:00Z', '2027-03-01T16:00:00Z', 'postérieure'],
    ['demain', '2027-03-01T16:00:00Z', 'Date invalide'],
    ['2027-03-01T08:00:00Z', '2027-13-45', 'Date invalide'],
  ])('refuses %j → %j', (start, end, message) => {
    expect(checkSessionDates(start, end)).toContain(message)
  })
})

describe('checkPlaceCount (capacity, places taken)', () => {
  it.each([0, 1, 16, 1000, undefined, null])('accepts %j', (value) => {
    expect(checkPlaceCount(value)).toBe(true)
  })

  it.each([-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '12', true])('refuses %j', (value) => {
    expect(checkPlaceCount(value)).toContain('nombre entier')
  })
})

describe('checkRegistrations (soft rule)', () => {
  it.each([
    [0, 10],
    [10, 10],
    [3, 16],
    [undefined, 10],
    [5, undefined],
  ])('accepts %j places taken of %j', (registrations, capacity) => {
    expect(checkRegistrations(registrations, capacity)).toBe(true)
  })

  it.each([
    [11, 10],
    [1, 0],
  ])('flags %j places taken of %j', (registrations, capacity) => {
    expect(checkRegistrations(registrations, capacity)).toContain(`${registrations} inscriptions pour ${capacity} places`)
  })
})

describe('SEO lengths', () => {
  it.each([text(30), text(45), text(60), ` ${text(30)} `, '', undefined, 42])('title accepts %j', (value) => {
    expect(checkSeoTitleLength(value)).toBe(true)
  })

  it.each([
    [text(29), '29 caractères'],
    [text(61), 'coupé'],
    ['Formations', 'Visez 30 à 60'],
  ])('title flags %j', (value, message) => {
    expect(checkSeoTitleLength(value)).toContain(message)
  })

  it.each([text(70), text(120), text(160), '', undefined])('description accepts %j', (value) => {
    expect(checkSeoDescriptionLength(value)).toBe(true)
  })

  it.each([
    [text(69), 'Visez 70 à 160'],
    [text(161), 'Au-delà de 160'],
  ])('description flags %j', (value, message) => {
    expect(checkSeoDescriptionLength(value)).toContain(message)
  })
})

describe('checkImageAlt', () => {
  const file = { _sanityAsset: 'image@file://./images/a-1x1.jpg' }
  const asset = { asset: { _type: 'reference', _ref: 'image-a-1x1-jpg' } }

  it.each([
    { ...file, alt: 'Formatrice montrant un geste de premiers secours' },
    { ...asset, alt: 'Logo de GPM' },
    { _type: 'image' },
    { _type: 'image', alt: '' },
    null,
    undefined,
    'image.jpg',
  ])('accepts %j', (image) => {
    expect(checkImageAlt(image)).toBe(true)
  })

  it.each([
    { ...file },
    { ...file, alt: '' },
    { ...asset, alt: '   ' },
    { ...asset, alt: 42 },
  ])('refuses %j', (image) => {
    expect(checkImageAlt(image)).toContain('Texte alternatif obligatoire')
  })
})

describe('checkSitePath', () => {
  it.each(['/formations', '/', '/association/equipe', '/formations?categorie=prevention', '', undefined])('accepts %j', (path) => {
    expect(checkSitePath(path)).toBe(true)
  })

  it.each([
    ['formations', 'commencer par un seul'],
    ['//evil.example', 'commencer par un seul'],
    ['https://gpm.fr/formations', 'commencer par un seul'],
    ['/mes formations', 'espace'],
  ])('refuses %j', (path, message) => {
    expect(checkSitePath(path)).toContain(message)
  })
})

describe('checkHelloAssoOrganization', () => {
  it.each(['gpm', 'gpm-lyon', 'asso2025', '', undefined])('accepts %j', (organization) => {
    expect(checkHelloAssoOrganization(organization)).toBe(true)
  })

  it.each(['GPM', 'gpm_lyon', '-gpm', 'gpm/lyon', 'gpm lyon'])('refuses %j', (organization) => {
    expect(checkHelloAssoOrganization(organization)).toContain('/associations/<identifiant>/')
  })
})

describe('checkLinkTarget', () => {
  const reference = { _type: 'reference', _ref: 'page-contact' }

  it.each([
    [{ linkType: 'internal', internal: reference }, undefined],
    [{ linkType: 'path', path: '/formations' }, undefined],
    [{ linkType: 'external', url: 'https://www.helloasso.com' }, undefined],
    // The Studio checks each field: only the target of the chosen type is required.
    [{ linkType: 'internal' }, 'path'],
    [{ linkType: 'external' }, 'internal'],
    [{ label: 'Sans type' }, undefined],
    [null, undefined],
  ])('accepts %j (field %j)', (link, field) => {
    expect(checkLinkTarget(link, field)).toBe(true)
  })

  it.each([
    [{ linkType: 'internal' }, undefined, 'contenu lié'],
    [{ linkType: 'internal', internal: { _type: 'reference' } }, 'internal', 'contenu lié'],
    [{ linkType: 'path', path: ' ' }, undefined, 'chemin'],
    [{ linkType: 'path' }, 'path', 'chemin'],
    [{ linkType: 'external', url: '' }, 'url', 'adresse du site externe'],
  ])('refuses %j (field %j)', (link, field, message) => {
    expect(checkLinkTarget(link, field)).toContain(message)
  })
})

describe('checkFormationListSelection', () => {
  it.each([
    [{ mode: 'upcoming' }, undefined],
    [{ mode: 'category', category: { _type: 'reference', _ref: 'category-a' } }, undefined],
    [{ mode: 'manual', formations: [{ _type: 'reference', _ref: 'formation-x' }] }, undefined],
    [{ mode: 'manual' }, 'category'],
    [{ mode: 'category' }, 'formations'],
    [undefined, undefined],
  ])('accepts %j (field %j)', (block, field) => {
    expect(checkFormationListSelection(block, field as 'category' | 'formations' | undefined)).toBe(true)
  })

  it.each([
    [{ mode: 'category' }, undefined, 'catégorie'],
    [{ mode: 'category', category: { _type: 'reference', _ref: '' } }, 'category', 'catégorie'],
    [{ mode: 'manual', formations: [] }, undefined, 'au moins une formation'],
    [{ mode: 'manual' }, 'formations', 'au moins une formation'],
  ])('refuses %j (field %j)', (block, field, message) => {
    expect(checkFormationListSelection(block, field as 'category' | 'formations' | undefined)).toContain(message)
  })
})

describe('required fields table', () => {
  it.each([
    [undefined, true],
    [null, true],
    ['', true],
    ['  ', true],
    [[], true],
    [{ _type: 'slug' }, true],
    [{ _type: 'slug', current: '' }, true],
    [{ _type: 'reference' }, true],
    [{ _type: 'image', alt: 'Sans fichier' }, true],
    ['Titre', false],
    [0, false],
    [false, false],
    [[{ _key: 'a' }], false],
    [{ _type: 'slug', current: 'x' }, false],
    [{ _type: 'reference', _ref: 'page-contact' }, false],
    [{ _type: 'image', _sanityAsset: 'image@file://./images/a-1x1.jpg' }, false],
    [{ _type: 'link', label: 'Contact' }, false],
  ])('%j is empty: %j', (value, empty) => {
    expect(isEmptyValue(value)).toBe(empty)
  })

  it('lists fields per type, nothing for unknown or inherited names', () => {
    expect(requiredFieldsOf(REQUIRED_FIELDS, 'formation')).toEqual(['title', 'slug'])
    expect(requiredFieldsOf(REQUIRED_ANNOTATION_FIELDS, 'link')).toEqual(['href'])
    expect(requiredFieldsOf(REQUIRED_FIELDS, 'navigation')).toEqual([])
    expect(requiredFieldsOf(REQUIRED_FIELDS, 'toString')).toEqual([])
  })
})

// ---- content:check ----------------------------------------------------------------

const HELLOASSO = 'https://www.helloasso.com/associations/gpm'
const reference = (id: string) => ({ _type: 'reference', _ref: id })
const slug = (current: string) => ({ _type: 'slug', current })
const image = (alt?: string) => ({ _type: 'image', _sanityAsset: 'image@file://./images/a-1x1.jpg', ...(alt === undefined ? {} : { alt }) })
const span = (key: string, value: string, marks: string[] = []) => ({ _key: key, _type: 'span', text: value, marks })

const settings: DatasetDocument = { _id: 'siteSettings', _type: 'siteSettings', title: 'GPM', helloAssoOrganization: 'gpm' }
const category: DatasetDocument = { _id: 'category-a', _type: 'category', title: 'Prévention', slug: slug('prevention') }

function session(fields: Record<string, unknown> = {}) {
  return {
    _key: 'session-1',
    _type: 'formationSession',
    start: '2027-03-01T08:00:00Z',
    end: '2027-03-01T16:00:00Z',
    format: 'presentiel',
    capacity: 10,
    registrations: 2,
    registrationUrl: `${HELLOASSO}/evenements/premiers-secours-2027-03`,
    ...fields,
  }
}

function formation(fields: Record<string, unknown> = {}): DatasetDocument {
  return {
    _id: 'formation-x',
    _type: 'formation',
    title: 'Premiers secours',
    slug: slug('premiers-secours'),
    category: reference('category-a'),
    coverImage: image('Formatrice montrant un geste de premiers secours'),
    sessions: [session()],
    seo: { _type: 'seo', title: 'Premiers secours : la formation PSC1 de GPM', description: text(100), noIndex: false },
    ...fields,
  }
}

function page(fields: Record<string, unknown> = {}): DatasetDocument {
  return { _id: 'page-x', _type: 'page', title: 'Contact', slug: slug('contact'), blocks: [], ...fields }
}

const membership = (fields: Record<string, unknown> = {}): DatasetDocument => ({
  _id: 'membership-x',
  _type: 'membership',
  title: 'Adhésion individuelle',
  price: 25,
  period: 'annuelle',
  helloAssoUrl: `${HELLOASSO}/adhesions/adhesion-individuelle`,
  ...fields,
})

/** Every kind of content the rules look at, all valid: the base the cases below break one rule of. */
const valid: DatasetDocument[] = [
  settings,
  category,
  formation(),
  membership(),
  page({
    blocks: [
      { _key: 'b1', _type: 'hero', heading: 'Nous écrire', image: image('Bureau de l’association'), actions: [{ _key: 'a1', _type: 'link', label: 'Nos formations', linkType: 'path', path: '/formations' }] },
      { _key: 'b2', _type: 'formationList', mode: 'manual', formations: [reference('formation-x')] },
      { _key: 'b3', _type: 'helloAssoEmbed', title: 'Formulaire d’adhésion', url: `${HELLOASSO}/adhesions/adhesion-individuelle/widget` },
      { _key: 'b4', _type: 'callToAction', heading: 'Adhérer', action: { _type: 'link', label: 'Voir la formation', linkType: 'internal', internal: reference('formation-x') } },
    ],
  }),
  {
    _id: 'post-x',
    _type: 'post',
    title: 'Rentrée',
    slug: slug('rentree'),
    publishedAt: '2026-09-01T08:00:00Z',
    body: [{
      _key: 'p1',
      _type: 'block',
      style: 'normal',
      // Annotations: `link` here is the external-link mark, not the link object.
      markDefs: [
        { _key: 'm1', _type: 'link', href: 'https://www.service-public.fr' },
        { _key: 'm2', _type: 'internalLink', reference: reference('page-x') },
        { _key: 'm3', _type: 'helloAssoLink', href: `${HELLOASSO}/adhesions/adhesion-individuelle` },
      ],
      children: [span('s1', 'Lire', ['m1']), span('s2', 'la page', ['m2']), span('s3', 'adhérer', ['m3'])],
    }],
  },
  // A draft shares its published version's slug, and may reference a document that is only a draft.
  formation({ _id: 'drafts.formation-x', instructors: [reference('person-new')] }),
  { _id: 'drafts.person-new', _type: 'person', name: 'Nouvelle formatrice' },
]

type Case = [RuleId, string, DatasetDocument[], string]

const CASES: Case[] = [
  ['required', 'a document without its title', [formation({ title: ' ' })], 'formation-x'],
  ['required', 'a session without its start', [formation({ sessions: [session({ start: undefined, end: undefined })] })], 'formation-x'],
  ['required', 'a partner logo without its file', [page({ blocks: [{ _key: 'b', _type: 'logoCloud', logos: [{ _key: 'l', _type: 'partnerLogo', name: 'Mairie', logo: { _type: 'image', alt: 'Mairie' } }] }] })], 'page-x'],
  ['required', 'an external-link annotation without its address', [{ ...valid[5]!, body: [{ _key: 'p', _type: 'block', markDefs: [{ _key: 'm', _type: 'link' }], children: [span('s', 'x', ['m'])] }] }], 'post-x'],
  ['required', 'an empty FAQ block', [page({ blocks: [{ _key: 'b', _type: 'faq', items: [] }] })], 'page-x'],
  ['reference', 'a reference to a deleted document', [formation({ category: reference('category-deleted') })], 'formation-x'],
  ['reference', 'a published document referencing a draft-only one', [formation({ instructors: [reference('person-new')] }), { _id: 'drafts.person-new', _type: 'person', name: 'N' }], 'formation-x'],
  ['reference', 'a reference to a draft id', [formation({ category: reference('drafts.category-a') })], 'formation-x'],
  ['image-alt', 'a cover image without alt text', [formation({ coverImage: image() })], 'formation-x'],
  ['image-alt', 'a gallery image without alt text', [page({ blocks: [{ _key: 'b', _type: 'imageGallery', images: [{ _key: 'i', ...image('') }] }] })], 'page-x'],
  ['helloasso-url', 'a sandbox registration URL (production)', [formation({ sessions: [session({ registrationUrl: 'https://www.helloasso-sandbox.com/associations/gpm/evenements/x' })] })], 'formation-x'],
  ['helloasso-url', 'a foreign host', [formation({ sessions: [session({ registrationUrl: FOREIGN_REGISTRATION_URL })] })], 'formation-x'],
  ['helloasso-url', 'another association', [membership({ helloAssoUrl: 'https://www.helloasso.com/associations/autre-asso/adhesions/a' })], 'membership-x'],
  ['helloasso-url', 'an embed on another host', [page({ blocks: [{ _key: 'b', _type: 'helloAssoEmbed', title: 'Formulaire', url: 'https://example.org/widget' }] })], 'page-x'],
  ['helloasso-url', 'a HelloAsso link annotation over http', [{ ...valid[5]!, body: [{ _key: 'p', _type: 'block', markDefs: [{ _key: 'm', _type: 'helloAssoLink', href: 'http://www.helloasso.com/associations/gpm/adhesions/a' }], children: [span('s', 'x', ['m'])] }] }], 'post-x'],
  ['helloasso-missing', 'a membership without HelloAsso URL', [membership({ helloAssoUrl: undefined })], 'membership-x'],
  ['helloasso-organization', 'an invalid organisation slug', [{ ...settings, helloAssoOrganization: 'GPM Lyon' }], 'siteSettings'],
  ['seo-title-length', 'a short SEO title', [formation({ seo: { _type: 'seo', title: 'PSC1' } })], 'formation-x'],
  ['seo-description-length', 'a long SEO description', [formation({ seo: { _type: 'seo', description: text(200) } })], 'formation-x'],
  ['session-dates', 'a session ending before it starts', [formation({ sessions: [session({ end: '2027-02-28T16:00:00Z' })] })], 'formation-x'],
  ['session-capacity', 'a negative capacity', [formation({ sessions: [session({ capacity: -1, registrations: undefined })] })], 'formation-x'],
  ['session-capacity', 'a fractional capacity', [formation({ sessions: [session({ capacity: 2.5 })] })], 'formation-x'],
  ['session-registrations', 'negative places taken', [formation({ sessions: [session({ registrations: -3 })] })], 'formation-x'],
  ['session-overbooked', 'more places taken than open', [formation({ sessions: [session({ capacity: 10, registrations: 12 })] })], 'formation-x'],
  ['slug-format', 'an uppercase slug', [formation({ slug: slug('Premiers_Secours') })], 'formation-x'],
  ['slug-format', 'a nested formation slug', [formation({ slug: slug('secours/premiers') })], 'formation-x'],
  ['slug-reserved', 'a page under /api', [page({ slug: slug('api/contact') })], 'page-x'],
  ['slug-unique', 'two formations with one slug', [formation(), formation({ _id: 'formation-y' })], 'formation-y'],
  ['link-target', 'an internal link without content', [page({ blocks: [{ _key: 'b', _type: 'callToAction', heading: 'Go', action: { _type: 'link', label: 'Go', linkType: 'internal' } }] })], 'page-x'],
  ['link-path', 'a path without its leading slash', [page({ blocks: [{ _key: 'b', _type: 'hero', heading: 'Go', actions: [{ _key: 'a', _type: 'link', label: 'Go', linkType: 'path', path: 'formations' }] }] })], 'page-x'],
  ['formation-list-selection', 'a manual list with no formation', [page({ blocks: [{ _key: 'b', _type: 'formationList', mode: 'manual', formations: [] }] })], 'page-x'],
]

/** The valid documents, with those of the case replacing the ones of the same id. */
function withCase(documents: DatasetDocument[]): DatasetDocument[] {
  const replaced = new Set(documents.map(document => document._id))
  return [...valid.filter(document => !replaced.has(document._id)), ...documents]
}

describe('content:check (checkDocuments)', () => {
  it('finds nothing to report in valid content of every kind', () => {
    expect(checkDocuments(valid).map(formatProblem)).toEqual([])
  })

  it('has a case for every rule it applies', () => {
    expect(new Set(CASES.map(([rule]) => rule))).toEqual(new Set(Object.keys(RULE_SEVERITY)))
  })

  it.each(CASES)('%s: %s', (rule, _title, documents, documentId) => {
    const problems = checkDocuments(withCase(documents))
    expect(problems.length, problems.map(formatProblem).join('\n')).toBeGreaterThan(0)
    // The case breaks this one rule, in this one document.
    expect(problems.every(problem => problem.rule === rule && problem.documentId === documentId), problems.map(formatProblem).join('\n')).toBe(true)
    for (const problem of problems) {
      expect(problem.severity).toBe(RULE_SEVERITY[rule])
      expect(formatProblem(problem)).toMatch(new RegExp(`^${documentId.replace('.', '\\.')}: ${rule} — \\S`))
    }
  })

  it('reports the path of the problem inside the document', () => {
    const [problem] = checkDocuments(withCase([formation({ sessions: [session(), session({ _key: 's2', end: '2027-01-01T00:00:00Z' })] })]))
    expect(problem).toMatchObject({ documentId: 'formation-x', rule: 'session-dates', path: 'sessions[1].end' })
    expect(formatProblem(problem!)).toBe('formation-x: session-dates — La fin de la session doit être égale ou postérieure à son début. (sessions[1].end)')
  })

  it('marks warnings in the output line', () => {
    const [problem] = checkDocuments(withCase([membership({ helloAssoUrl: '' })]))
    expect(formatProblem(problem!)).toBe('membership-x: helloasso-missing — avertissement : Sans lien HelloAsso, les visiteurs ne peuvent pas adhérer à cette formule en ligne. (helloAssoUrl)')
  })

  it('checks drafts like published documents', () => {
    const problems = checkDocuments(withCase([formation({ _id: 'drafts.formation-x', title: '' })]))
    expect(problems.map(problem => `${problem.documentId} ${problem.rule} ${problem.path}`)).toEqual(['drafts.formation-x required title'])
  })
})

describe('the embedded dataset', () => {
  const documents = readDataset(CONTENT_DIR)

  it('passes content:check with no error, drafts included', () => {
    expect(documents.some(document => document._id.startsWith('drafts.'))).toBe(true)
    const errors = checkDocuments(documents).filter(problem => problem.severity === 'error')
    expect(errors.map(formatProblem)).toEqual([])
  })

  const fixtureDir = mkdtempSync(join(tmpdir(), 'gpm-fixture-'))
  afterAll(() => rmSync(fixtureDir, { recursive: true, force: true }))

  it('has a test fixture copy whose only problem is the foreign registration URL', () => {
    writeFixtureDataset(fixtureDir)
    expect(readdirSync(join(fixtureDir, 'images')).sort()).toEqual(readdirSync(join(CONTENT_DIR, 'images')).sort())
    const fixture = readDataset(fixtureDir)
    expect(fixture.map(document => document._id)).toEqual(documents.map(document => document._id))
    const problems = checkDocuments(fixture)
    expect(problems.map(problem => [problem.documentId, problem.rule, problem.path])).toEqual([
      [FOREIGN_URL_FORMATION_ID, 'helloasso-url', 'sessions[0].registrationUrl'],
    ])
  })
})
