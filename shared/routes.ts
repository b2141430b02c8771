/**
 * An href taken from content, or undefined: https, mailto: and tel: only for
 * outside links, and site-relative paths that cannot turn into another host
 * (browsers read `//x` and `/\\x` as hosts). Content reaches the site through
 * the API and imports too, so the Studio's validation is not enough.
 */
export function safeHref(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  if (/^(?:https:\/\/|mailto:|tel:)/i.test(value)) return value
  if (value.startsWith('/') && !/^\/[/\\]/.test(value)) return value
  return undefined
}

/** Where each kind of document lives on the site (see docs/content-model.md). */
export function documentPath(type: string | null | undefined, slug: string | null | undefined): string | undefined {
  if (type === 'home') return '/'
  if (!slug) return undefined
  switch (type) {
    case 'page': return `/${slug}`
    case 'formation': return `/formations/${slug}`
    case 'post': return `/actualites/${slug}`
    default: return undefined
  }
}

export interface LinkValue {
  label?: string | null
  linkType?: string | null
  path?: string | null
  url?: string | null
  internal?: { _type: string, slug?: string | null } | null
}

export interface ResolvedLink {
  href: string
  label: string
  external: boolean
}

/** A link field as an href, or undefined when it points nowhere (deleted page, empty field). */
export function resolveLink(link: LinkValue | null | undefined): ResolvedLink | undefined {
  if (!link) return undefined
  const label = link.label ?? ''
  if (link.linkType === 'path' && link.path?.startsWith('/') && safeHref(link.path)) {
    return { href: link.path, label, external: false }
  }
  if (link.linkType === 'external' && link.url && !link.url.startsWith('/') && safeHref(link.url)) {
    return { href: link.url, label, external: true }
  }
  if (link.linkType === 'internal' && link.internal) {
    const href = documentPath(link.internal._type, link.internal.slug)
    return href ? { href, label, external: false } : undefined
  }
  return undefined
}
