/**
 * The fields an editor must fill, per schema type, written once: the Studio
 * marks them required from these tables (studio/schemaTypes/required.ts), and
 * `npm run content:check` refuses a dataset document that leaves one empty.
 *
 * Empty means: absent, null, a blank string, an empty array, a slug without
 * `current`, a reference without `_ref`, an image without a file.
 * Conditional requirements (the destination of a link, the selection of a
 * formation list) are rule functions in `content-rules.ts`.
 */

export type RequiredFieldsTable = Readonly<Record<string, readonly string[]>>

/** Documents, objects and page-builder blocks, keyed by schema type name (`_type`). */
export const REQUIRED_FIELDS = {
  // Documents and singletons
  siteSettings: ['title'],
  home: ['title'],
  page: ['title', 'slug'],
  formation: ['title', 'slug'],
  membership: ['title', 'price', 'period'],
  post: ['title', 'slug', 'publishedAt'],
  person: ['name'],
  category: ['title', 'slug'],
  // Objects
  formationSession: ['start', 'format'],
  price: ['label', 'amount'],
  link: ['label', 'linkType'],
  socialLink: ['platform', 'url'],
  footerColumn: ['title'],
  faqItem: ['question', 'answer'],
  keyFigure: ['value', 'label'],
  testimonial: ['quote', 'author'],
  partnerLogo: ['name', 'logo'],
  // Page-builder blocks
  hero: ['heading'],
  richText: ['body'],
  callToAction: ['heading', 'action'],
  formationList: ['mode'],
  helloAssoEmbed: ['title', 'url'],
  faq: ['items'],
  imageGallery: ['images'],
  keyFigures: ['figures'],
  testimonials: ['items'],
  logoCloud: ['logos'],
} as const satisfies RequiredFieldsTable

/**
 * Annotations of rich text (`blockContent` mark definitions), keyed by their
 * `_type`. Separate from `REQUIRED_FIELDS` because the external-link
 * annotation is also named `link`, like the link object.
 */
export const REQUIRED_ANNOTATION_FIELDS = {
  link: ['href'],
  internalLink: ['reference'],
  helloAssoLink: ['href'],
} as const satisfies RequiredFieldsTable

export function requiredFieldsOf(table: RequiredFieldsTable, type: string): readonly string[] {
  return Object.hasOwn(table, type) ? table[type]! : []
}

/** Whether a field value counts as not filled in (see the module comment). */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) {
    return true
  }
  if (typeof value === 'string') {
    return value.trim() === ''
  }
  if (Array.isArray(value)) {
    return value.length === 0
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (record._type === 'slug') {
      return isEmptyValue(record.current)
    }
    if (record._type === 'reference' || '_ref' in record) {
      return isEmptyValue(record._ref)
    }
    if (record._type === 'image') {
      return !record.asset && !record._sanityAsset
    }
  }
  return false
}
