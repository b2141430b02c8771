import { createImageUrlBuilder } from '@sanity/image-url'
import { EMBEDDED_PROJECT_ID } from '#shared/content'

export interface SanityImageValue {
  alt?: string | null
  caption?: string | null
  hotspot?: { x?: number, y?: number, height?: number, width?: number } | null
  crop?: { top?: number, bottom?: number, left?: number, right?: number } | null
  asset?: {
    _id: string
    metadata?: { lqip?: string | null, dimensions?: { width?: number | null, height?: number | null, aspectRatio?: number | null } | null } | null
  } | null
}

/** Image URLs from Sanity's image pipeline: cdn.sanity.io, or `/_sanity` in the embedded default. */
export function useSanityImage() {
  const config = useRuntimeConfig().public
  const builder = createImageUrlBuilder({
    projectId: config.sanity.projectId || EMBEDDED_PROJECT_ID,
    dataset: config.sanity.dataset,
    ...(config.imageBaseUrl ? { baseUrl: config.imageBaseUrl } : {}),
  })
  return (image: SanityImageValue) => builder.image(image as Parameters<typeof builder.image>[0]).auto('format')
}
