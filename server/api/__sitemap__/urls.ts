import { documentPath } from '#shared/routes'
import { sitemapQuery } from '~/queries'
import type { SitemapQueryResult } from '~/types/sanity.types'

/** Every published, indexable URL with its last modification, for @nuxtjs/sitemap. */
export default defineEventHandler(async (event) => {
  const content = await useContentClient(event).fetch<SitemapQueryResult>(sitemapQuery)
  const entry = (loc: string | undefined, lastmod?: string | null) => loc ? [{ loc, lastmod: lastmod ?? undefined }] : []
  const listed = <T extends { slug: string | null, _updatedAt: string, noIndex: boolean | null }>(items: T[], type: string) =>
    items.filter(item => !item.noIndex).flatMap(item => entry(documentPath(type, item.slug), item._updatedAt))
  const newest = (items: { _updatedAt: string }[]) => items.map(item => item._updatedAt).sort().at(-1)

  return [
    ...(content.home && !content.home.noIndex ? entry('/', content.home._updatedAt) : []),
    ...listed(content.pages, 'page'),
    ...entry('/formations', newest(content.formations)),
    ...listed(content.formations, 'formation'),
    ...entry('/actualites', newest(content.posts)),
    ...listed(content.posts, 'post'),
    ...entry('/adhesion', content.memberships?._updatedAt),
  ]
})
