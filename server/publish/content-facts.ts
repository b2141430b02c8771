/**
 * The content lookups behind shared/affected-routes.ts, through the same
 * client and `published` perspective as the pages. These queries serve the
 * publish flow only, not the pages, so they live here rather than in
 * queries/index.ts (whose TypeGen types are the pages' contract).
 */
import { defineQuery } from 'groq'
import {
  affectedRoutes, type AffectedRoutes, catalogueRoutes, type ChangedDocument, type ContentFacts, newsRoutes,
  SITEMAP_ROUTE, MEMBERSHIP_ROUTE,
} from '../../shared/affected-routes'
import { documentPath } from '../../shared/routes'

export interface ContentFetcher {
  fetch<R>(query: string, params?: Record<string, unknown>): Promise<R>
}

const linked = /* groq */ `{ "type": _type, "slug": slug.current }`
const published = /* groq */ `!(_id in path("drafts.**"))`
// Lists that show documents of a type without referencing them one by one.
const formationLists = /* groq */ `blocks[_type == "formationList" && (!defined(mode) || mode == "upcoming" || (mode == "category" && category._ref in $categoryIds))]`

export const contentFactsQuery = defineQuery(`{
  "referencedBy": *[references($id) && ${published}] ${linked},
  "listedOn": select(
    $type == "formation" => *[_type in ["page", "home"] && ${published} && count(${formationLists}) > 0] ${linked},
    $type == "person" => *[_type in ["page", "home"] && ${published} && count(blocks[_type == "teamList" && count(coalesce(people, [])) == 0]) > 0] ${linked},
    $type == "membership" => *[_type in ["page", "home"] && ${published} && count(blocks[_type == "membershipTiers" && count(coalesce(tiers, [])) == 0]) > 0] ${linked},
    []
  ),
  "categorySlugs": *[_type == "category" && _id in $categoryIds].slug.current,
  "postCount": count(*[_type == "post" && defined(slug.current) && ${published}])
}`)

/** The formation's category now (from the content) and before (from the webhook's projection). */
export const currentCategoryQuery = defineQuery(`*[_id == $id][0].category._ref`)

export const siteRoutesQuery = defineQuery(`{
  "documents": *[_type in ["page", "formation", "post"] && defined(slug.current) && ${published}] ${linked},
  "categorySlugs": *[_type == "category" && defined(slug.current)].slug.current,
  "postCount": count(*[_type == "post" && defined(slug.current) && ${published}])
}`)

export interface DocumentChange extends ChangedDocument {
  /** The category reference before the change (formations), from the webhook's projection. */
  previousCategory?: string | null
}

export async function loadContentFacts(content: ContentFetcher, change: DocumentChange): Promise<ContentFacts> {
  const categoryIds: string[] = []
  if (change.type === 'formation') {
    const current = await content.fetch<string | null>(currentCategoryQuery, { id: change.id })
    if (current) categoryIds.push(current)
    if (change.previousCategory && change.previousCategory !== current) categoryIds.push(change.previousCategory)
  }
  const facts = await content.fetch<ContentFacts>(contentFactsQuery, { id: change.id, type: change.type, categoryIds })
  if (change.type === 'category') {
    facts.categorySlugs = [change.slug, change.previousSlug].filter((slug): slug is string => Boolean(slug))
  }
  return {
    referencedBy: facts.referencedBy ?? [],
    listedOn: facts.listedOn ?? [],
    categorySlugs: (facts.categorySlugs ?? []).filter(Boolean),
    postCount: facts.postCount ?? 0,
  }
}

/** Every route the site serves from content, for a change that affects them all. */
export async function loadSiteRoutes(content: ContentFetcher): Promise<string[]> {
  const site = await content.fetch<{ documents: { type: string, slug: string }[], categorySlugs: string[], postCount: number }>(siteRoutesQuery)
  const routes = new Set<string>(['/', SITEMAP_ROUTE, MEMBERSHIP_ROUTE, ...catalogueRoutes(site.categorySlugs ?? []), ...newsRoutes(site.postCount ?? 0)])
  for (const document of site.documents ?? []) {
    const path = documentPath(document.type, document.slug)
    if (path) routes.add(path)
  }
  return [...routes].sort()
}

export interface ResolvedRoutes {
  /** Every route the site serves was affected (navigation, settings…): purge everything. */
  all: boolean
  routes: string[]
  reason?: string
  /** The document's own address(es): refreshed first, since that is where the editor looks. */
  primary?: string[]
}

function ownPaths(change: DocumentChange): string[] {
  const paths = [change.type === 'home' ? '/' : documentPath(change.type, change.slug), documentPath(change.type, change.previousSlug)]
  return [...new Set(paths.filter((path): path is string => Boolean(path)))]
}

/** The routes to refresh for one changed document. */
export async function resolveAffectedRoutes(content: ContentFetcher, change: DocumentChange): Promise<ResolvedRoutes> {
  const affected: AffectedRoutes = affectedRoutes(change, await loadContentFacts(content, change))
  const primary = ownPaths(change).filter(path => affected.all || affected.routes.includes(path))
  if (!affected.all) return { all: false, routes: affected.routes, primary }
  const routes = await loadSiteRoutes(content)
  // The old address of a renamed or deleted document is no longer in the content.
  const previous = change.previousSlug ? documentPath(change.type, change.previousSlug) : undefined
  if (previous && !routes.includes(previous)) routes.push(previous)
  return { all: true, routes, reason: affected.reason, primary }
}
