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
  if (link.linkType === 'path' && link.path?.startsWith('/') && !link.path.startsWith('//')) {
    return { href: link.path, label, external: false }
  }
  if (link.linkType === 'external' && link.url && /^(https:|mailto:|tel:)/.test(link.url)) {
    return { href: link.url, label, external: true }
  }
  if (link.linkType === 'internal' && link.internal) {
    const href = documentPath(link.internal._type, link.internal.slug)
    return href ? { href, label, external: false } : undefined
  }
  return undefined
}
