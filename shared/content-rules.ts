/**
 * Content rules of the GPM content model (docs/content-model.md), as plain
 * functions: the Studio calls them from its schema validation, and a dataset
 * checker can call them from plain Node. No `sanity` import here on purpose.
 *
 * Every check returns `true` when the value passes, or a French message for
 * the editor. Empty values pass: whether a field is required is decided by
 * the schema (`.required()`), not here.
 */

// Explicit `.ts` extension so plain Node (type stripping) can load this file too.
import { checkHelloAssoUrl, HELLOASSO_HOST } from './helloasso.ts'

export type RuleResult = true | string

/** First URL segments a `page` slug cannot take: they belong to other routes. */
export const RESERVED_PAGE_SEGMENTS: readonly string[] = [
  'api',
  'admin',
  '_nuxt',
  '_ipx',
  '_sanity',
  'preview',
  'formations',
  'actualites',
  'adhesion',
  'formulaire',
  'lettre',
  'sitemap.xml',
  'robots.txt',
]

export const SLUG_MAX_LENGTH = 96

export const SEO_LIMITS = {
  title: { min: 30, max: 60 },
  description: { min: 70, max: 160 },
} as const

const SLUG_SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' }

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

/**
 * Turns a French title into a slug segment: « Premiers secours : l’été 2025 »
 * gives `premiers-secours-l-ete-2025` (accents dropped, ligatures spelled out,
 * apostrophes and punctuation become dashes). Cut at a dash when too long.
 */
export function slugify(source: string, maxLength: number = SLUG_MAX_LENGTH): string {
  const slug = source
    .toLowerCase()
    .replace(/[œæß]/g, letter => LIGATURES[letter] ?? letter)
    .normalize('NFD')
    .replace(/[\u0300-\u036F]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= maxLength) {
    return slug
  }
  const cut = slug.slice(0, maxLength)
  const lastDash = cut.lastIndexOf('-')
  return (lastDash > 0 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '')
}

/**
 * Format of a slug: lowercase letters, digits and single dashes. Only page
 * slugs (`nested`) may have several segments separated by `/`
 * (`association/equipe`).
 */
export function checkSlugFormat(slug: unknown, options: { nested?: boolean } = {}): RuleResult {
  if (isBlank(slug)) {
    return true
  }
  if (typeof slug !== 'string') {
    return 'L’identifiant doit être un texte.'
  }
  if (slug.length > SLUG_MAX_LENGTH) {
    return `L’identifiant ne doit pas dépasser ${SLUG_MAX_LENGTH} caractères.`
  }
  if (slug !== slug.toLowerCase()) {
    return 'L’identifiant doit être en minuscules.'
  }
  const segments = slug.split('/')
  if (segments.length > 1 && !options.nested) {
    return 'L’identifiant ne peut pas contenir de « / ».'
  }
  if (segments.some(segment => segment === '')) {
    return 'L’identifiant ne doit ni commencer ni finir par « / », ni en contenir deux à la suite.'
  }
  if (!segments.every(segment => SLUG_SEGMENT.test(segment))) {
    return 'Utilisez seulement des lettres minuscules sans accent, des chiffres et des tirets simples (pas de tiret au début ni à la fin).'
  }
  return true
}

/** A page slug cannot start with a segment used by another route (`formations`, `api`…). */
export function checkReservedSlug(slug: unknown): RuleResult {
  if (typeof slug !== 'string' || isBlank(slug)) {
    return true
  }
  const firstSegment = slug.trim().toLowerCase().split('/')[0] ?? ''
  if (RESERVED_PAGE_SEGMENTS.includes(firstSegment)) {
    return `« ${firstSegment} » est réservé par le site (${RESERVED_PAGE_SEGMENTS.join(', ')}) : choisissez un autre identifiant.`
  }
  return true
}

/** A session ends at or after its start. ISO 8601 strings, as stored by Sanity. */
export function checkSessionDates(start: unknown, end: unknown): RuleResult {
  if (isBlank(start) || isBlank(end)) {
    return true
  }
  const startTime = Date.parse(String(start))
  const endTime = Date.parse(String(end))
  if (Number.isNaN(startTime) || Number.isNaN(endTime)) {
    return 'Date invalide.'
  }
  if (endTime < startTime) {
    return 'La fin de la session doit être égale ou postérieure à son début.'
  }
  return true
}

/** Places taken should not exceed the capacity (soft rule: a session may be overbooked on purpose). */
export function checkRegistrations(registrations: unknown, capacity: unknown): RuleResult {
  if (typeof registrations !== 'number' || typeof capacity !== 'number') {
    return true
  }
  if (registrations > capacity) {
    return `${registrations} inscriptions pour ${capacity} places : vérifiez la capacité ou le nombre d’inscrits.`
  }
  return true
}

function checkLength(value: unknown, limits: { min: number, max: number }, label: string): RuleResult {
  if (typeof value !== 'string' || isBlank(value)) {
    return true
  }
  const length = value.trim().length
  if (length < limits.min) {
    return `${label} : ${length} caractères. Visez ${limits.min} à ${limits.max} caractères pour bien décrire le contenu dans les résultats de recherche.`
  }
  if (length > limits.max) {
    return `${label} : ${length} caractères. Au-delà de ${limits.max}, le texte est coupé dans les résultats de recherche.`
  }
  return true
}

/** SEO title: 30 to 60 characters, what search engines show in full. */
export function checkSeoTitleLength(value: unknown): RuleResult {
  return checkLength(value, SEO_LIMITS.title, 'Titre SEO')
}

/** SEO description: 70 to 160 characters, what search engines show in full. */
export function checkSeoDescriptionLength(value: unknown): RuleResult {
  return checkLength(value, SEO_LIMITS.description, 'Description SEO')
}

/**
 * An image with a file must describe it for people who cannot see it. The file
 * is `asset` in the Content Lake, `_sanityAsset` in an import file (ndjson).
 */
export function checkImageAlt(image: unknown): RuleResult {
  if (typeof image !== 'object' || image === null) {
    return true
  }
  const { asset, _sanityAsset, alt } = image as { asset?: unknown, _sanityAsset?: unknown, alt?: unknown }
  if (!asset && !_sanityAsset) {
    return true
  }
  if (typeof alt !== 'string' || alt.trim() === '') {
    return 'Texte alternatif obligatoire : décrivez l’image en une phrase pour les personnes qui ne la voient pas.'
  }
  return true
}

/** A site path for `link.path`: starts with `/`, no host, no spaces. */
export function checkSitePath(path: unknown): RuleResult {
  if (typeof path !== 'string' || isBlank(path)) {
    return true
  }
  if (!path.startsWith('/') || path.startsWith('//')) {
    return 'Le chemin doit commencer par un seul « / », par exemple /formations.'
  }
  if (/\s/.test(path)) {
    return 'Le chemin ne doit pas contenir d’espace.'
  }
  return true
}

/**
 * The organisation slug in HelloAsso URLs (`siteSettings.helloAssoOrganization`).
 * Checked through the shared HelloAsso rule, so an organisation accepted here
 * is one whose URLs that rule accepts.
 */
export function checkHelloAssoOrganization(organization: unknown): RuleResult {
  if (typeof organization !== 'string' || isBlank(organization)) {
    return true
  }
  const check = checkHelloAssoUrl(`https://${HELLOASSO_HOST}/associations/${organization}/adhesions/formulaire`)
  if (!check.ok || check.organization !== organization) {
    return 'Indiquez l’identifiant tel qu’il apparaît dans vos adresses HelloAsso (…/associations/<identifiant>/…) : minuscules, chiffres et tirets.'
  }
  return true
}

/** Places of a session (capacity, places taken): a whole number, zero or more. */
export function checkPlaceCount(value: unknown): RuleResult {
  if (value === undefined || value === null) {
    return true
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    return 'Indiquez un nombre entier de places, zéro ou plus.'
  }
  return true
}

/** A membership with no HelloAsso URL cannot be joined online: a warning, since it may be paid another way. */
export const MISSING_MEMBERSHIP_URL_WARNING = 'Sans lien HelloAsso, les visiteurs ne peuvent pas adhérer à cette formule en ligne.'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function hasReference(value: unknown): boolean {
  return isRecord(value) && typeof value._ref === 'string' && value._ref !== ''
}

/** For each `linkType`, the field holding the destination and the message when it is empty. */
export const LINK_TARGETS = {
  internal: { field: 'internal', missing: 'Choisissez le contenu lié.' },
  path: { field: 'path', missing: 'Indiquez le chemin, par exemple /formations.' },
  external: { field: 'url', missing: 'Indiquez l’adresse du site externe.' },
} as const satisfies Record<string, { field: string, missing: string }>

/**
 * A `link` object must have the destination of its `linkType` filled in. With
 * `field`, only that field is checked (the Studio reports the error on the
 * empty field itself); without, the link as a whole.
 */
export function checkLinkTarget(link: unknown, field?: string): RuleResult {
  if (!isRecord(link) || typeof link.linkType !== 'string' || !Object.hasOwn(LINK_TARGETS, link.linkType)) {
    return true
  }
  const target = LINK_TARGETS[link.linkType as keyof typeof LINK_TARGETS]
  if (field !== undefined && field !== target.field) {
    return true
  }
  const value = link[target.field]
  const filled = target.field === 'internal' ? hasReference(value) : !isBlank(value)
  return filled ? true : target.missing
}

/**
 * A `formationList` block shows a category or a hand-picked list: the chosen
 * mode needs its category, or at least one formation. `field` as in
 * `checkLinkTarget`.
 */
export function checkFormationListSelection(block: unknown, field?: 'category' | 'formations'): RuleResult {
  if (!isRecord(block)) {
    return true
  }
  if (block.mode === 'category' && (field === undefined || field === 'category') && !hasReference(block.category)) {
    return 'Choisissez la catégorie à afficher.'
  }
  if (block.mode === 'manual' && (field === undefined || field === 'formations')
    && !(Array.isArray(block.formations) && block.formations.length > 0)) {
    return 'Choisissez au moins une formation.'
  }
  return true
}
