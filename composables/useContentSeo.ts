import type { SanityImageValue } from '~/composables/useSanityImage'

export interface SeoInput {
  title?: string | null
  description?: string | null
  image?: SanityImageValue | null
  noIndex?: boolean | null
  type?: 'website' | 'article'
  seo?: { title?: string | null, description?: string | null, noIndex?: boolean | null, image?: SanityImageValue | null } | null
}

/**
 * Title, description, canonical and Open Graph for a page: the document's SEO
 * fields first, then its own title/summary, then the site's defaults.
 */
export async function useContentSeo(input: SeoInput) {
  // Everything that needs the Nuxt instance is taken before the first await:
  // after it, the instance is only reachable through nuxtApp.runWithContext.
  const nuxtApp = useNuxtApp()
  const config = useRuntimeConfig().public
  const route = useRoute()
  const imageUrl = useSanityImage()
  const requestOrigin = useRequestURL().origin
  const layout = await useSiteLayout()

  const settings = layout.value?.settings
  const siteName = settings?.title || 'GPM'
  const origin = (config.siteUrl || requestOrigin).replace(/\/$/, '')

  const title = input.seo?.title || input.title || settings?.seo?.title || siteName
  const description = input.seo?.description || input.description || settings?.seo?.description || settings?.description || ''
  const image = input.seo?.image?.asset ? input.seo.image : input.image?.asset ? input.image : settings?.seo?.image
  const ogImagePath = image?.asset ? imageUrl(image).width(1200).height(630).fit('crop').url() : undefined
  const ogImage = ogImagePath ? new URL(ogImagePath, `${origin}/`).href : undefined
  const canonical = `${origin}${route.path === '/' ? '/' : route.path.replace(/\/$/, '')}`
  const noIndex = Boolean(input.seo?.noIndex ?? input.noIndex)

  nuxtApp.runWithContext(() => {
    useHead({
      title: title.includes(siteName) ? title : `${title} · ${siteName}`,
      link: [{ rel: 'canonical', href: canonical }],
    })
    useSeoMeta({
      description: description || undefined,
      ogTitle: title,
      ogDescription: description || undefined,
      ogType: input.type ?? 'website',
      ogUrl: canonical,
      ogSiteName: siteName,
      ogLocale: 'fr_FR',
      ogImage,
      ogImageAlt: image?.alt || undefined,
      twitterCard: ogImage ? 'summary_large_image' : 'summary',
      robots: noIndex ? 'noindex, nofollow' : undefined,
    })
  })
  return { origin, canonical, siteName }
}

/** Adds one JSON-LD graph to the page head. */
export function useJsonLd(data: Record<string, unknown>) {
  useHead({
    script: [{
      type: 'application/ld+json',
      // JSON.stringify does not escape "<": do it so content can never close the script tag.
      innerHTML: JSON.stringify({ '@context': 'https://schema.org', ...data }).replace(/</g, '\\u003c'),
    }],
  })
}

export function breadcrumbJsonLd(origin: string, items: { name: string, path: string }[]) {
  return {
    '@type': 'BreadcrumbList',
    'itemListElement': items.map((item, index) => ({
      '@type': 'ListItem',
      'position': index + 1,
      'name': item.name,
      'item': `${origin}${item.path}`,
    })),
  }
}
