import { resolve } from 'node:path'
import { EMBEDDED_PROJECT_ID } from '../../shared/content'
import { createContentLake, type ContentLake } from '../content-lake/server'

export { EMBEDDED_PROJECT_ID }

let embedded: ContentLake | undefined
let started: Promise<void> | undefined

/**
 * Starts the embedded Content Lake when no Sanity project is configured, and
 * points the runtime config at it through the same NUXT_* variables a
 * connected deployment sets. Nothing else in the app knows which mode it is in.
 */
export function startEmbeddedContentLake(): Promise<void> | undefined {
  if (started) return started
  const config = useRuntimeConfig()
  // A projectId of EMBEDDED_PROJECT_ID is our own earlier setting (dev reloads keep process.env).
  if (config.public.sanity.projectId && config.public.sanity.projectId !== EMBEDDED_PROJECT_ID) return undefined
  const dataset = config.public.sanity.dataset || 'production'
  embedded = createContentLake({
    contentDir: config.contentDir || resolve(process.cwd(), 'content'),
    projectId: EMBEDDED_PROJECT_ID,
    dataset,
    readToken: config.sanity.token || undefined,
    assetBaseUrl: '/_sanity',
  })
  // A fixed loopback port (NUXT_CONTENT_LAKE_PORT) lets a test or a benchmark
  // publish a change through the mutation API; by default any free port.
  started = embedded.listen(Number(config.contentLakePort) || 0).then((origin) => {
    process.env.NUXT_PUBLIC_SANITY_PROJECT_ID = EMBEDDED_PROJECT_ID
    process.env.NUXT_PUBLIC_SANITY_DATASET = dataset
    process.env.NUXT_PUBLIC_SANITY_API_HOST = origin
    process.env.NUXT_PUBLIC_SANITY_USE_PROJECT_HOSTNAME = 'false'
    process.env.NUXT_PUBLIC_SANITY_USE_CDN = 'false'
    process.env.NUXT_PUBLIC_IMAGE_BASE_URL ||= '/_sanity'
    console.info(`[content] embedded dataset served at ${origin} (no Sanity project configured)`)
  })
  return started
}

export function useEmbeddedContentLake(): ContentLake | undefined {
  return embedded
}

export async function stopEmbeddedContentLake() {
  await embedded?.close()
  embedded = undefined
  started = undefined
}
