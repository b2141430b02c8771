import { createClient, type SanityClient } from '@sanity/client'
import type { H3Event } from 'h3'

/**
 * The official client for server routes (sitemap, feeds), configured from the
 * request's runtime config exactly as the pages' client is: same project,
 * dataset, host and `published` perspective.
 */
export function useContentClient(event: H3Event): SanityClient {
  const config = useRuntimeConfig(event)
  const sanity = config.public.sanity
  return createClient({
    projectId: sanity.projectId,
    dataset: sanity.dataset,
    apiVersion: sanity.apiVersion,
    apiHost: sanity.apiHost,
    useProjectHostname: sanity.useProjectHostname,
    useCdn: sanity.useCdn,
    perspective: 'published',
    token: config.sanity.token || undefined,
  })
}
