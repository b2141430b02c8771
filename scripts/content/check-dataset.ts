/**
 * Checks the embedded dataset (content/data.ndjson, published documents and
 * drafts) against the rules the Studio applies when an editor publishes:
 * required fields (shared/required-fields.ts), the HelloAsso rule in
 * production mode, alt texts, SEO soft limits, sessions, slugs, links and
 * references (shared/content-rules.ts). Plain Node, no dependencies.
 *
 *   node scripts/content/check-dataset.ts [contentDir]
 *
 * Prints one line per problem, `<document id>: <rule id> — <message>`, then a
 * summary. Exits 1 when there is at least one error; warnings do not fail.
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

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
  MISSING_MEMBERSHIP_URL_WARNING,
  type RuleResult,
} from '../../shared/content-rules.ts'
import { checkHelloAssoUrl } from '../../shared/helloasso.ts'
import {
  isEmptyValue,
  REQUIRED_ANNOTATION_FIELDS,
  REQUIRED_FIELDS,
  requiredFieldsOf,
  type RequiredFieldsTable,
} from '../../shared/required-fields.ts'

/** Every rule this check applies, with what breaking it means: an error blocks publishing, a warning does not. */
export const RULE_SEVERITY = {
  'required': 'error',
  'reference': 'error',
  'image-alt': 'error',
  'helloasso-url': 'error',
  'helloasso-missing': 'warning',
  'helloasso-organization': 'error',
  'seo-title-length': 'warning',
  'seo-description-length': 'warning',
  'session-dates': 'error',
  'session-capacity': 'error',
  'session-registrations': 'error',
  'session-overbooked': 'warning',
  'slug-format': 'error',
  'slug-reserved': 'error',
  'slug-unique': 'error',
  'link-target': 'error',
  'link-path': 'error',
  'formation-list-selection': 'error',
} as const satisfies Record<string, 'error' | 'warning'>

export type RuleId = keyof typeof RULE_SEVERITY
export type Severity = (typeof RULE_SEVERITY)[RuleId]

export interface Problem {
  documentId: string
  rule: RuleId
  severity: Severity
  /** Where in the document, e.g. `sessions[0].end`; empty for the document itself. */
  path: string
  message: string
}

export interface DatasetDocument {
  _id: string
  _type: string
  [field: string]: unknown
}

/**
 * Fields holding a HelloAsso URL (the Studio's `helloAssoUrlField`), by object
 * `_type`; `helloAssoLink` is a rich-text annotation.
 */
export const HELLOASSO_URL_FIELDS: Readonly<Record<string, string>> = {
  membership: 'helloAssoUrl',
  formationSession: 'registrationUrl',
  helloAssoEmbed: 'url',
  helloAssoLink: 'href',
}

type JsonRecord = Record<string, unknown>

const isRecord = (value: unknown): value is JsonRecord => typeof value === 'object' && value !== null && !Array.isArray(value)

/** `drafts.x` and `versions.<release>.x` are versions of the document `x`. */
export function publishedId(id: string): string {
  return id.replace(/^drafts\./, '').replace(/^versions\.[^.]+\./, '')
}

const isPublished = (id: string) => publishedId(id) === id

const joinPath = (path: string, key: string) => (path ? `${path}.${key}` : key)

interface Context {
  documents: ReadonlyMap<string, DatasetDocument>
  organization: string | undefined
  problems: Problem[]
}

/** Runs every rule on the documents; the order of problems follows the documents'. */
export function checkDocuments(documents: readonly DatasetDocument[]): Problem[] {
  const settings = documents.find(document => document._id === 'siteSettings')
  const organization = typeof settings?.helloAssoOrganization === 'string' && checkHelloAssoOrganization(settings.helloAssoOrganization) === true
    ? settings.helloAssoOrganization
    : undefined
  const context: Context = {
    documents: new Map(documents.map(document => [document._id, document])),
    organization,
    problems: [],
  }
  const slugOwners = new Map<string, string>()

  for (const document of documents) {
    const report = (rule: RuleId, path: string, result: RuleResult) => {
      if (result !== true) {
        context.problems.push({ documentId: document._id, rule, severity: RULE_SEVERITY[rule], path, message: result })
      }
    }
    visit(document, '', false, document, report, context)

    // Slugs: unique per type; a draft shares its published version's slug.
    const slug = isRecord(document.slug) ? document.slug.current : undefined
    if (typeof slug === 'string' && slug !== '') {
      const key = `${document._type}:${slug}`
      const owner = slugOwners.get(key)
      if (owner === undefined) {
        slugOwners.set(key, publishedId(document._id))
      }
      else if (owner !== publishedId(document._id)) {
        report('slug-unique', 'slug', `L’identifiant « ${slug} » est déjà utilisé par ${owner} : deux contenus de même type ne peuvent pas avoir la même adresse.`)
      }
    }
  }
  return context.problems
}

type Report = (rule: RuleId, path: string, result: RuleResult) => void

function visit(value: unknown, path: string, isMarkDef: boolean, document: DatasetDocument, report: Report, context: Context): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => visit(item, `${path}[${index}]`, false, document, report, context))
    return
  }
  if (!isRecord(value)) {
    return
  }
  if ('_ref' in value) {
    checkReference(value, path, document, report, context)
  }
  if (value._type === 'image' || value.asset || value._sanityAsset) {
    report('image-alt', path, checkImageAlt(value))
  }
  if (typeof value._type === 'string') {
    const table: RequiredFieldsTable = isMarkDef ? REQUIRED_ANNOTATION_FIELDS : REQUIRED_FIELDS
    for (const field of requiredFieldsOf(table, value._type)) {
      if (isEmptyValue(value[field])) {
        report('required', joinPath(path, field), `Champ obligatoire non rempli (« ${field} »).`)
      }
    }
    // The external-link annotation is also named `link`: object rules only apply outside mark definitions.
    if (isMarkDef) {
      if (value._type === 'helloAssoLink') {
        checkHelloAssoField(value, 'helloAssoLink', path, report, context)
      }
    }
    else {
      checkObject(value, path, document, report, context)
    }
  }
  for (const [key, child] of Object.entries(value)) {
    if (key === 'markDefs' && Array.isArray(child)) {
      child.forEach((markDef, index) => visit(markDef, `${joinPath(path, key)}[${index}]`, true, document, report, context))
    }
    else if (typeof child === 'object' && child !== null) {
      visit(child, joinPath(path, key), false, document, report, context)
    }
  }
}

/** Rules attached to one object type (the document itself included). */
function checkObject(value: JsonRecord, path: string, document: DatasetDocument, report: Report, context: Context): void {
  const at = (field: string) => joinPath(path, field)
  switch (value._type) {
    case 'seo':
      report('seo-title-length', at('title'), checkSeoTitleLength(value.title))
      report('seo-description-length', at('description'), checkSeoDescriptionLength(value.description))
      break
    case 'formationSession':
      report('session-dates', at('end'), checkSessionDates(value.start, value.end))
      report('session-capacity', at('capacity'), checkPlaceCount(value.capacity))
      report('session-registrations', at('registrations'), checkPlaceCount(value.registrations))
      report('session-overbooked', at('registrations'), checkRegistrations(value.registrations, value.capacity))
      checkHelloAssoField(value, 'formationSession', path, report, context)
      break
    case 'membership':
      checkHelloAssoField(value, 'membership', path, report, context)
      report('helloasso-missing', at('helloAssoUrl'), isEmptyValue(value.helloAssoUrl) ? MISSING_MEMBERSHIP_URL_WARNING : true)
      break
    case 'helloAssoEmbed':
      checkHelloAssoField(value, 'helloAssoEmbed', path, report, context)
      break
    case 'link':
      report('link-target', path, checkLinkTarget(value))
      if (value.linkType === 'path') {
        report('link-path', at('path'), checkSitePath(value.path))
      }
      break
    case 'formationList':
      report('formation-list-selection', path, checkFormationListSelection(value))
      break
    case 'siteSettings':
      report('helloasso-organization', at('helloAssoOrganization'), checkHelloAssoOrganization(value.helloAssoOrganization))
      break
  }
  if (path === '' && isRecord(value.slug)) {
    const slug = value.slug.current
    const nested = document._type === 'page'
    const format = checkSlugFormat(slug, { nested })
    report('slug-format', 'slug', format)
    if (format === true && nested) {
      report('slug-reserved', 'slug', checkReservedSlug(slug))
    }
  }
}

/** Production mode: the sandbox host is refused, and so is another association when the settings name ours. */
function checkHelloAssoField(value: JsonRecord, type: string, path: string, report: Report, context: Context): void {
  const field = HELLOASSO_URL_FIELDS[type]!
  const url = value[field]
  if (isEmptyValue(url)) {
    return
  }
  const check = checkHelloAssoUrl(url, { organization: context.organization })
  report('helloasso-url', joinPath(path, field), check.ok ? true : `${check.reason} Adresse refusée : ${String(url)}`)
}

/**
 * A reference must point to a document of the dataset: a published document,
 * or from a draft, a document that only exists as a draft yet. Weak
 * references may dangle, as in Sanity; asset references are resolved by the
 * import, not here.
 */
function checkReference(value: JsonRecord, path: string, document: DatasetDocument, report: Report, context: Context): void {
  const target = value._ref
  if (path.endsWith('asset') || value._weak === true) {
    return
  }
  if (typeof target !== 'string' || target === '') {
    report('reference', path, 'Référence vide.')
    return
  }
  if (!isPublished(target)) {
    report('reference', path, `Une référence désigne un document publié, pas « ${target} ».`)
    return
  }
  if (context.documents.has(target)) {
    return
  }
  const draftOnly = context.documents.has(`drafts.${target}`)
  if (draftOnly && !isPublished(document._id)) {
    return
  }
  report('reference', path, draftOnly
    ? `« ${target} » n’est pas publié : publiez-le d’abord, ou retirez la référence.`
    : `« ${target} » n’existe pas (contenu supprimé ?) : choisissez un autre contenu ou retirez la référence.`)
}

export function formatProblem(problem: Problem): string {
  const where = problem.path ? ` (${problem.path})` : ''
  const level = problem.severity === 'warning' ? 'avertissement : ' : ''
  return `${problem.documentId}: ${problem.rule} — ${level}${problem.message}${where}`
}

/** The documents of `<contentDir>/data.ndjson`, one JSON object per line. */
export function readDataset(contentDir: string): DatasetDocument[] {
  const file = join(contentDir, 'data.ndjson')
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(line => line.trim() !== '')
    .map((line, index) => {
      const document: unknown = JSON.parse(line)
      if (!isRecord(document) || typeof document._id !== 'string' || typeof document._type !== 'string') {
        throw new Error(`${file}:${index + 1}: not a document (no _id or _type)`)
      }
      return document as DatasetDocument
    })
}

export const CONTENT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../content')

function main(): void {
  const contentDir = resolve(process.argv[2] ?? CONTENT_DIR)
  const documents = readDataset(contentDir)
  const problems = checkDocuments(documents)
  const errors = problems.filter(problem => problem.severity === 'error')
  const warnings = problems.filter(problem => problem.severity === 'warning')
  for (const problem of [...errors, ...warnings]) {
    console.log(formatProblem(problem))
  }
  const drafts = documents.filter(document => !isPublished(document._id)).length
  console.log(`content:check — ${documents.length} documents (dont ${drafts} brouillons) : ${errors.length} erreur(s), ${warnings.length} avertissement(s)`)
  process.exitCode = errors.length > 0 ? 1 : 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main()
}
