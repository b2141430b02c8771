import { defineArrayMember, defineField } from 'sanity'
import type { FieldGroupDefinition, ValidationContext } from 'sanity'
import { checkHelloAssoUrl } from '../../shared/helloasso'
import {
  checkHelloAssoOrganization,
  checkImageAlt,
  checkReservedSlug,
  checkSlugFormat,
  SLUG_MAX_LENGTH,
  slugify,
} from '../../shared/content-rules'
import { apiVersion } from '../env'

/** Tabs of every document form. Groups without visible fields are not shown. */
export const GROUPS = [
  { name: 'content', title: 'Contenu', default: true },
  { name: 'media', title: 'Médias' },
  { name: 'seo', title: 'SEO' },
  { name: 'settings', title: 'Paramètres' },
] satisfies FieldGroupDefinition[]

export type GroupName = (typeof GROUPS)[number]['name']

interface SlugFieldOptions {
  description: string
  /** Page slugs: may be nested (`association/equipe`) and must avoid reserved first segments. */
  pagePath?: boolean
  group?: GroupName
}

/**
 * The `slug` field, generated from `title`. Uniqueness per document type is
 * Sanity's built-in slug check (same `_type`, same slug), so it is not
 * repeated here; whether it is required is decided by
 * `shared/required-fields.ts`.
 */
export function slugField({ description, pagePath = false, group = 'content' }: SlugFieldOptions) {
  return defineField({
    name: 'slug',
    title: 'Identifiant d’URL',
    type: 'slug',
    description,
    group,
    options: {
      source: 'title',
      maxLength: SLUG_MAX_LENGTH,
      slugify: source => slugify(source),
    },
    validation: rule => rule.custom((slug) => {
      const current = slug?.current
      const format = checkSlugFormat(current, { nested: pagePath })
      if (format !== true || !pagePath) {
        return format
      }
      return checkReservedSlug(current)
    }),
  })
}

interface ImageFieldOptions {
  description: string
  group?: GroupName
  /** Adds an optional `caption` next to `alt`. */
  caption?: boolean
}

/** `alt` (required as soon as a file is chosen) and optionally `caption`. */
function imageSubfields(caption: boolean) {
  const alt = defineField({
    name: 'alt',
    title: 'Texte alternatif',
    type: 'string',
    description: 'Décrit l’image pour les personnes qui ne la voient pas et pour les moteurs de recherche, en une phrase (« Formatrice montrant un geste de premiers secours »). Obligatoire dès qu’une image est choisie.',
    validation: rule => rule.custom((_alt, context) => checkImageAlt(context.parent)),
  })
  if (!caption) {
    return [alt]
  }
  return [
    alt,
    defineField({
      name: 'caption',
      title: 'Légende',
      type: 'string',
      description: 'Texte affiché sous l’image (crédit photo, lieu, date). Facultatif.',
    }),
  ]
}

/**
 * An image field with hotspot and a required alternative text. Whether the
 * image itself is required is decided by `shared/required-fields.ts`.
 */
export function imageField(name: string, title: string, { description, group, caption = false }: ImageFieldOptions) {
  return defineField({
    name,
    title,
    type: 'image',
    description,
    group,
    options: { hotspot: true },
    fields: imageSubfields(caption),
  })
}

/** An image as an array member (galleries, Portable Text), with `alt` and `caption`. */
export function imageArrayMember(title = 'Image') {
  return defineArrayMember({
    name: 'image',
    title,
    type: 'image',
    options: { hotspot: true },
    fields: imageSubfields(true),
  })
}

/** The `seo` object, in the SEO tab. */
export function seoField() {
  return defineField({
    name: 'seo',
    title: 'Référencement (SEO)',
    type: 'seo',
    description: 'Titre, description et image utilisés par les moteurs de recherche et les réseaux sociaux. Vides, ils sont déduits du contenu.',
    group: 'seo',
  })
}

const ORGANIZATION_QUERY = '*[_id == "siteSettings"][0].helloAssoOrganization'
const ORGANIZATION_CACHE_MS = 60_000
let organizationCache: { expires: number, organization: Promise<string | undefined> } | undefined

/**
 * The organisation slug set in the site settings, so a URL of another
 * association is refused. Cached for a minute: validation runs on every edit.
 * An unreadable or invalid setting disables that part of the check rather than
 * blocking every URL.
 */
function siteHelloAssoOrganization(context: ValidationContext): Promise<string | undefined> {
  const now = Date.now()
  if (!organizationCache || organizationCache.expires < now) {
    const organization = context.getClient({ apiVersion })
      .fetch<string | null>(ORGANIZATION_QUERY)
      .then(
        value => (value && checkHelloAssoOrganization(value) === true ? value : undefined),
        () => undefined,
      )
    organizationCache = { expires: now + ORGANIZATION_CACHE_MS, organization }
  }
  return organizationCache.organization
}

interface HelloAssoUrlFieldOptions {
  name?: string
  title: string
  description: string
  group?: GroupName
  /**
   * An empty field gets a warning with this message. Whether it is required
   * (an error) is decided by `shared/required-fields.ts`.
   */
  whenMissing?: { warning: string }
}

/**
 * A HelloAsso URL checked with the rule the site uses to render it
 * (`shared/helloasso.ts`). Sandbox URLs only get a warning: they are fine for
 * tests but the production site refuses them.
 */
export function helloAssoUrlField({ name = 'helloAssoUrl', title, description, group, whenMissing }: HelloAssoUrlFieldOptions) {
  return defineField({
    name,
    title,
    type: 'url',
    description,
    group,
    validation: (rule) => {
      const rules = [
        rule.custom(async (url, context) => {
          if (!url) {
            return true
          }
          const organization = await siteHelloAssoOrganization(context)
          const check = checkHelloAssoUrl(url, { allowSandbox: true, organization })
          return check.ok ? true : check.reason
        }),
        rule.custom((url) => {
          const check = checkHelloAssoUrl(url, { allowSandbox: true })
          if (!url || !check.ok || !check.sandbox) {
            return true
          }
          const production = checkHelloAssoUrl(url)
          return production.ok ? true : production.reason
        }).warning(),
      ]
      if (whenMissing) {
        rules.push(rule.custom(url => (url ? true : whenMissing.warning)).warning())
      }
      return rules
    },
  })
}
