/**
 * Which routes of the site show a document, hence must be refreshed when it
 * is published, renamed or deleted. Pure: what it needs from the content
 * (who references the document, which lists may show it) comes in `facts`,
 * looked up by the server at publish time. Used by the Sanity webhook
 * (issue 5): exactly these routes are refreshed, nothing else.
 */
import { documentPath } from './routes'

export const SITEMAP_ROUTE = '/sitemap.xml'
export const CATALOGUE_ROUTE = '/formations'
export const NEWS_ROUTE = '/actualites'
export const MEMBERSHIP_ROUTE = '/adhesion'
/** Same as POSTS_PER_PAGE in components/post/PostListing.vue (a unit test keeps them equal). */
export const POSTS_PER_PAGE = 6

/** Their content shows on every page (header, footer, metadata): any change refreshes everything. */
export const SITE_WIDE_TYPES: readonly string[] = ['navigation', 'siteSettings']

export interface ChangedDocument {
  id: string
  type: string
  /** Slug after the change (absent when deleted). */
  slug?: string | null
  /** Slug before the change (absent when created). */
  previousSlug?: string | null
}

export interface LinkedDocument {
  type: string
  slug?: string | null
}

export interface ContentFacts {
  /** Published documents referencing the changed one (a formation's instructors, a page's manual list…). */
  referencedBy: LinkedDocument[]
  /** Pages (and home) with a list that may show the document without referencing it (upcoming sessions, a category, every member). */
  listedOn: LinkedDocument[]
  /** Catalogue filters that show the document: the slugs of its category before and after the change. */
  categorySlugs: string[]
  /** Published posts, for the news pagination. */
  postCount: number
}

export type AffectedRoutes
  = | { all: true, reason: string }
    | { all: false, routes: string[] }

// What documentPath accepts from content: lowercase segments, nested only for pages.
const SAFE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/
const CATEGORY_SLUG = /^[a-z0-9-]{1,96}$/

function pathOf(document: LinkedDocument): string | undefined {
  if (document.type === 'home') return '/'
  if (!document.slug || !SAFE_SLUG.test(document.slug)) return undefined
  return documentPath(document.type, document.slug)
}

/** `/formations` and the filtered catalogues showing a category, as the catalogue middleware normalises them. */
export function catalogueRoutes(categorySlugs: readonly string[]): string[] {
  const routes = [CATALOGUE_ROUTE, `${CATALOGUE_ROUTE}?a-venir=1`]
  for (const slug of categorySlugs) {
    if (!CATEGORY_SLUG.test(slug)) continue
    routes.push(`${CATALOGUE_ROUTE}?categorie=${slug}`, `${CATALOGUE_ROUTE}?categorie=${slug}&a-venir=1`)
  }
  return routes
}

/** `/actualites` and its numbered pages: a new or removed post shifts every page. */
export function newsRoutes(postCount: number): string[] {
  const pages = Math.max(1, Math.ceil(postCount / POSTS_PER_PAGE))
  return [NEWS_ROUTE, ...Array.from({ length: pages - 1 }, (_, index) => `${NEWS_ROUTE}/page/${index + 2}`)]
}

export function affectedRoutes(change: ChangedDocument, facts: ContentFacts): AffectedRoutes {
  // Drafts are never shown on the site; Sanity's webhook skips them unless told otherwise.
  if (change.id.startsWith('drafts.')) return { all: false, routes: [] }
  if (SITE_WIDE_TYPES.includes(change.type)) return { all: true, reason: `${change.type} is shown on every page` }

  const renamed = (change.slug ?? null) !== (change.previousSlug ?? null)
  // A link in the header or footer renders the target's slug: renaming or
  // deleting a linked document changes every page.
  const linkedSiteWide = facts.referencedBy.find(document => SITE_WIDE_TYPES.includes(document.type))
  if (renamed && linkedSiteWide) return { all: true, reason: `${linkedSiteWide.type} links to ${change.id}, whose address changed` }

  const routes = new Set<string>([SITEMAP_ROUTE])
  const add = (route: string | undefined) => route && routes.add(route)
  add(pathOf({ type: change.type, slug: change.slug }))
  add(pathOf({ type: change.type, slug: change.previousSlug }))
  for (const document of [...facts.referencedBy, ...facts.listedOn]) add(pathOf(document))

  switch (change.type) {
    case 'formation':
      // The home page shows upcoming sessions.
      add('/')
      catalogueRoutes(facts.categorySlugs).forEach(add)
      break
    case 'category':
      catalogueRoutes(facts.categorySlugs).forEach(add)
      break
    case 'post':
      add('/')
      newsRoutes(facts.postCount).forEach(add)
      break
    case 'membership':
      add(MEMBERSHIP_ROUTE)
      break
  }
  return { all: false, routes: [...routes].sort() }
}
