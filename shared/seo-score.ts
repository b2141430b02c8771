/**
 * The SEO score of a page, formation, post or the home page: one pure function
 * shared by the Studio's SEO panel and the site's API, so editors and the API
 * see the same checks. Plain TypeScript, no `sanity` import.
 *
 * Each check is worth a number of points (`SEO_CHECK_WEIGHTS`, 100 in all):
 * full when `ok`, half when `warning`, none when `error`.
 */
import {
  checkReservedSlug,
  checkSeoDescriptionLength,
  checkSeoTitleLength,
  checkSitePath,
  checkSlugFormat,
} from './content-rules.ts'
import { documentPath } from './routes.ts'

export const SEO_DOCUMENT_TYPES = ['home', 'page', 'formation', 'post'] as const
export type SeoDocumentType = (typeof SEO_DOCUMENT_TYPES)[number]

export const SEO_CHECK_WEIGHTS = {
  'title': 20,
  'description': 20,
  'h1': 15,
  'image-alt': 15,
  'internal-links': 10,
  'slug': 10,
  'indexable': 10,
} as const

export type SeoCheckId = keyof typeof SEO_CHECK_WEIGHTS
export type SeoStatus = 'ok' | 'warning' | 'error'

export interface SeoCheck {
  id: SeoCheckId
  /** What is checked, for the editor (French). */
  label: string
  status: SeoStatus
  /** What was found and what to do (French). */
  message: string
}

export interface SeoScore {
  /** 0 to 100. */
  score: number
  checks: SeoCheck[]
}

/** What the score needs to know about a document, as the site renders it. */
export interface SeoInput {
  type: SeoDocumentType
  /** The document's title: the SEO title when that is empty, and the page's h1 unless a hero opens it. */
  title?: string | null
  seoTitle?: string | null
  seoDescription?: string | null
  /** Shown by the site when the SEO description is empty: a formation's summary, a post's excerpt. */
  fallbackDescription?: string | null
  /** `slug.current`; none for the home page. */
  slug?: string | null
  noIndex?: boolean | null
  /** Set when the first page-builder block is a hero: its heading is then the page's h1. */
  openingHero?: { heading?: string | null } | null
  /** Style of every Portable Text block of the document (`normal`, `h2`…): an `h1` there is a second h1. */
  textStyles: readonly string[]
  /** Every image with a file, wherever it is in the document. */
  images: ReadonlyArray<{ alt?: string | null }>
  /** Links to other pages of the site: internal links of rich text, link fields to content or to a site path. */
  internalLinks: number
}

const LABELS: Record<SeoCheckId, string> = {
  'title': 'Titre SEO',
  'description': 'Description SEO',
  'h1': 'Titre principal (h1)',
  'image-alt': 'Textes alternatifs des images',
  'internal-links': 'Liens internes',
  'slug': 'Identifiant d’URL',
  'indexable': 'Indexation',
}

/** Slugs should stay short: five words at most. */
export const SLUG_MAX_WORDS = 5

/** French (and a few English) words that carry no meaning in a URL. */
const STOP_WORDS = new Set([
  'a', 'au', 'aux', 'avec', 'ce', 'ces', 'cette', 'comment', 'd', 'dans', 'de', 'des', 'du', 'elle', 'en', 'est',
  'et', 'il', 'l', 'la', 'le', 'les', 'leur', 'leurs', 'ma', 'mes', 'mon', 'ne', 'nos', 'notre', 'on', 'ou', 'par',
  'pas', 'pour', 'qu', 'que', 'qui', 's', 'sa', 'se', 'ses', 'son', 'sur', 'un', 'une', 'vos', 'votre', 'y',
  'and', 'of', 'the', 'to',
])

const text = (value: string | null | undefined) => (typeof value === 'string' ? value.trim() : '')

const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`

function titleCheck(input: SeoInput): Omit<SeoCheck, 'id' | 'label'> {
  const own = text(input.seoTitle)
  const title = own || text(input.title)
  if (!title) {
    return { status: 'error', message: 'Aucun titre : renseignez le titre du contenu ou le titre SEO.' }
  }
  const source = own ? '' : 'Titre SEO vide : le titre du contenu est utilisé. '
  const length = checkSeoTitleLength(title)
  if (length !== true) {
    return { status: 'warning', message: `${source}${length}` }
  }
  return { status: 'ok', message: `${source}${title.length} caractères : le titre s’affiche en entier dans les résultats de recherche.` }
}

function descriptionCheck(input: SeoInput): Omit<SeoCheck, 'id' | 'label'> {
  const own = text(input.seoDescription)
  const description = own || text(input.fallbackDescription)
  if (!description) {
    return {
      status: 'error',
      message: 'Aucune description : les moteurs de recherche montreront la description générale du site ou un extrait choisi par eux. Écrivez 70 à 160 caractères qui donnent envie de cliquer.',
    }
  }
  const source = own ? '' : `Description SEO vide : ${input.type === 'post' ? 'le chapô' : 'le résumé'} est utilisé. `
  const length = checkSeoDescriptionLength(description)
  if (length !== true) {
    return { status: 'warning', message: `${source}${length}` }
  }
  return { status: 'ok', message: `${source}${description.length} caractères : la description s’affiche en entier.` }
}

function h1Check(input: SeoInput): Omit<SeoCheck, 'id' | 'label'> {
  const main = input.openingHero ? text(input.openingHero.heading) : text(input.title)
  const where = input.openingHero ? 'le titre du bandeau d’en-tête' : 'le titre du contenu'
  const inText = input.textStyles.filter(style => style === 'h1').length
  if (inText > 0) {
    return {
      status: 'error',
      message: `Le texte contient ${plural(inText, 'titre', 'titres')} de niveau 1 : le titre principal (h1) de la page est ${where}, et il doit être le seul. Utilisez « Titre 2 » ou « Titre 3 » dans le texte.`,
    }
  }
  if (!main) {
    return {
      status: 'error',
      message: input.openingHero
        ? 'Le bandeau qui ouvre la page n’a pas de titre : c’est lui qui devient le titre principal (h1).'
        : 'Aucun titre principal (h1) : renseignez le titre.',
    }
  }
  return { status: 'ok', message: `Un seul titre principal (${where}) : « ${main} ».` }
}

function imageAltCheck(input: SeoInput): Omit<SeoCheck, 'id' | 'label'> {
  const total = input.images.length
  const missing = input.images.filter(image => !text(image.alt)).length
  if (total === 0) {
    return { status: 'ok', message: 'Aucune image à décrire.' }
  }
  if (missing > 0) {
    return {
      status: 'error',
      message: `${missing} image${missing > 1 ? 's' : ''} sur ${total} sans texte alternatif : décrivez chacune en une phrase, pour les personnes qui ne la voient pas et pour les moteurs de recherche.`,
    }
  }
  return { status: 'ok', message: total === 1 ? 'L’image a un texte alternatif.' : `Les ${total} images ont un texte alternatif.` }
}

function internalLinksCheck(input: SeoInput): Omit<SeoCheck, 'id' | 'label'> {
  if (input.internalLinks === 0) {
    return {
      status: 'warning',
      message: 'Aucun lien vers une autre page du site : ajoutez-en au moins un (une formation, une actualité, une page) pour guider visiteurs et moteurs de recherche.',
    }
  }
  return { status: 'ok', message: `${plural(input.internalLinks, 'lien', 'liens')} vers d’autres pages du site.` }
}

function slugCheck(input: SeoInput): Omit<SeoCheck, 'id' | 'label'> {
  if (input.type === 'home') {
    return { status: 'ok', message: 'La page d’accueil a pour adresse « / ».' }
  }
  const slug = text(input.slug)
  if (!slug) {
    return { status: 'error', message: 'Identifiant d’URL manquant : générez-le depuis le titre.' }
  }
  const nested = input.type === 'page'
  const format = checkSlugFormat(slug, { nested })
  if (format !== true) {
    return { status: 'error', message: format }
  }
  const reserved = nested ? checkReservedSlug(slug) : true
  if (reserved !== true) {
    return { status: 'error', message: reserved }
  }
  const words = slug.split(/[/-]/)
  const stopWords = words.filter(word => STOP_WORDS.has(word))
  const path = documentPath(input.type, slug) ?? slug
  if (stopWords.length >= 2 && stopWords.length * 3 > words.length) {
    return {
      status: 'warning',
      message: `« ${path} » contient beaucoup de mots vides (${stopWords.join(', ')}) : gardez les mots qui décrivent le contenu.`,
    }
  }
  if (words.length > SLUG_MAX_WORDS) {
    return {
      status: 'warning',
      message: `« ${path} » compte ${words.length} mots : ${SLUG_MAX_WORDS} au plus se lisent et se retiennent mieux. Raccourcissez-le avant de publier (le changer ensuite casse les liens existants).`,
    }
  }
  return { status: 'ok', message: `« ${path} » : court, en minuscules, avec des tirets.` }
}

function indexableCheck(input: SeoInput): Omit<SeoCheck, 'id' | 'label'> {
  if (input.noIndex) {
    return {
      status: 'warning',
      message: '« Ne pas référencer » est activé : les moteurs de recherche sont priés de ne pas afficher cette page. Désactivez-le sauf si c’est voulu (mentions légales, page de test).',
    }
  }
  return { status: 'ok', message: 'Les moteurs de recherche peuvent référencer cette page.' }
}

const CHECKS: Record<SeoCheckId, (input: SeoInput) => Omit<SeoCheck, 'id' | 'label'>> = {
  'title': titleCheck,
  'description': descriptionCheck,
  'h1': h1Check,
  'image-alt': imageAltCheck,
  'internal-links': internalLinksCheck,
  'slug': slugCheck,
  'indexable': indexableCheck,
}

const STATUS_FACTOR: Record<SeoStatus, number> = { ok: 1, warning: 0.5, error: 0 }

export function seoScore(input: SeoInput): SeoScore {
  const ids = Object.keys(SEO_CHECK_WEIGHTS) as SeoCheckId[]
  const checks = ids.map(id => ({ id, label: LABELS[id], ...CHECKS[id](input) }))
  const score = Math.round(checks.reduce((sum, check) => sum + SEO_CHECK_WEIGHTS[check.id] * STATUS_FACTOR[check.status], 0))
  return { score, checks }
}

// ---- Adapter from a raw Sanity document ---------------------------------------

type JsonRecord = Record<string, unknown>

const isRecord = (value: unknown): value is JsonRecord => typeof value === 'object' && value !== null && !Array.isArray(value)
const stringOf = (value: unknown) => (typeof value === 'string' ? value : undefined)

function isSeoDocumentType(type: unknown): type is SeoDocumentType {
  return SEO_DOCUMENT_TYPES.includes(type as SeoDocumentType)
}

function hasReference(value: unknown): boolean {
  return isRecord(value) && typeof value._ref === 'string' && value._ref !== ''
}

/** One internal link per `link` object to content or a site path, per `internalLink` annotation, per site-relative `href`. */
function isInternalLink(value: JsonRecord, isMarkDef: boolean): boolean {
  if (isMarkDef) {
    return (value._type === 'internalLink' && hasReference(value.reference))
      || (value._type === 'link' && typeof value.href === 'string' && value.href.startsWith('/') && checkSitePath(value.href) === true)
  }
  if (value._type !== 'link') {
    return false
  }
  return (value.linkType === 'internal' && hasReference(value.internal))
    || (value.linkType === 'path' && typeof value.path === 'string' && value.path !== '' && checkSitePath(value.path) === true)
}

interface Collected {
  textStyles: string[]
  images: Array<{ alt?: string | null }>
  internalLinks: number
}

function collect(value: unknown, isMarkDef: boolean, into: Collected): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, isMarkDef, into)
    return
  }
  if (!isRecord(value)) {
    return
  }
  if (value._type === 'block' && Array.isArray(value.children)) {
    into.textStyles.push(stringOf(value.style) ?? 'normal')
  }
  if (value._type === 'image' && (value.asset || value._sanityAsset)) {
    into.images.push({ alt: stringOf(value.alt) })
  }
  if (isInternalLink(value, isMarkDef)) {
    into.internalLinks++
  }
  for (const [key, child] of Object.entries(value)) {
    if (typeof child === 'object' && child !== null) {
      collect(child, key === 'markDefs', into)
    }
  }
}

/**
 * The score's input for a raw document (the Studio's `document.displayed`, a
 * line of the dataset, a query result with the same fields), or undefined for
 * a type that has no page of its own.
 */
export function seoInputFromDocument(document: unknown): SeoInput | undefined {
  if (!isRecord(document) || !isSeoDocumentType(document._type)) {
    return undefined
  }
  const type = document._type
  const seo = isRecord(document.seo) ? document.seo : {}
  const blocks = Array.isArray(document.blocks) ? document.blocks : []
  const first = blocks[0]
  const collected: Collected = { textStyles: [], images: [], internalLinks: 0 }
  collect(document, false, collected)
  return {
    type,
    title: stringOf(document.title),
    seoTitle: stringOf(seo.title),
    seoDescription: stringOf(seo.description),
    fallbackDescription: type === 'formation' ? stringOf(document.summary) : type === 'post' ? stringOf(document.excerpt) : undefined,
    slug: isRecord(document.slug) ? stringOf(document.slug.current) : undefined,
    noIndex: seo.noIndex === true,
    // Only pages built from blocks open with a hero; formations and posts always show their title as h1.
    openingHero: (type === 'home' || type === 'page') && isRecord(first) && first._type === 'hero'
      ? { heading: stringOf(first.heading) }
      : undefined,
    ...collected,
  }
}

/** Shorthand: the score of a raw document, or undefined for a type without a page. */
export function seoScoreOfDocument(document: unknown): SeoScore | undefined {
  const input = seoInputFromDocument(document)
  return input ? seoScore(input) : undefined
}
