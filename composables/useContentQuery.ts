import type { QueryParams, SanityClient } from '@sanity/client'

/**
 * Fetches one GROQ query through the official client (published perspective)
 * during SSR or prerender. An unreachable content API becomes a French 503
 * page with Retry-After (set by error.vue) — never a stack trace; a cached page, when there is
 * one, is served by the route cache before this ever runs.
 */
export async function useContentQuery<Result>(key: string, query: string, params: QueryParams = {}) {
  const client = requestContentClient()
  const { data, error } = await useAsyncData(key, () => client.fetch<Result>(query, params))
  if (error.value) {
    console.error(`[content] query "${key}" failed:`, error.value.message)
    throw createError({ statusCode: 503, statusMessage: 'Contenu momentanément indisponible' })
  }
  return data as Ref<Result>
}

/**
 * The official client as this request may use it: `published` for everyone;
 * in preview (valid preview cookie, server side only) `drafts` through the
 * server's read token, with stega-encoded strings for click-to-edit.
 */
function requestContentClient(): SanityClient {
  const sanity = useSanity()
  const preview = import.meta.server && useRequestEvent()?.context.preview === true
  const configured = requestClients.get(sanity.client)
  if (configured && !preview) return configured
  // A visitor waits for the page: one retry, then the French 503 (the
  // client's default, five retries with backoff, took over 10 s).
  const visitor = { maxRetries: 1, timeout: 8000 }
  if (!preview) {
    const client = sanity.client.withConfig(visitor)
    requestClients.set(sanity.client, client)
    return client
  }
  const config = useRuntimeConfig()
  return sanity.client.withConfig({
    ...visitor,
    perspective: 'drafts',
    token: config.sanity.token,
    useCdn: false,
    stega: { enabled: Boolean(config.public.studioUrl), studioUrl: config.public.studioUrl || '/' },
  })
}

/** One configured client per request's client, not one per query. */
const requestClients = new WeakMap<SanityClient, SanityClient>()

/** The French 404 page. Not fatal: a visitor's typo is not worth a stack trace in the logs. */
export function notFoundError() {
  return createError({ statusCode: 404, statusMessage: 'Page introuvable' })
}

/** Throws the French 404 page when a document does not exist (or is not published). */
export function assertFound<T>(value: T | null | undefined): asserts value is T {
  if (value === null || value === undefined) throw notFoundError()
}
