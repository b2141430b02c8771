import type { QueryParams, SanityClient } from '@sanity/client'

/**
 * Fetches one GROQ query through the official client (published perspective)
 * during SSR or prerender. An unreachable content API becomes a French 503
 * page with Retry-After (set by error.vue) — never a stack trace; a cached page, when there is
 * one, is served by the route cache before this ever runs.
 */
export async function useContentQuery<Result>(key: string, query: string, params: QueryParams = {}) {
  const { client, shared } = requestContent()
  const fetchResult = () => client.fetch<Result>(query, params)
  // One fetch per key and render: layout, header, footer, SEO and the
  // HelloAsso check all ask for the site layout. Nuxt's defaults would start
  // a new request for each call (and cancel the previous one); here a call
  // joins the pending fetch ('defer') or takes its result once it is in.
  // Across renders, published results come from the server's query cache,
  // which every publish empties (server/utils/content-query-cache.ts).
  // `deep: false`: the page is rendered once on the server and never
  // changes in the browser (no JavaScript), so the data needs no reactivity.
  const { data, error } = await useAsyncData(key, shared ? () => shared.fetch(`${query}\n${JSON.stringify(params)}`, fetchResult) : fetchResult, {
    dedupe: 'defer',
    deep: false,
    getCachedData: (cached, nuxtApp) => nuxtApp.payload.data[cached],
  })
  if (error.value) {
    console.error(`[content] query "${key}" failed:`, error.value.message)
    throw createError({ statusCode: 503, statusMessage: 'Contenu momentanément indisponible' })
  }
  return data as Ref<Result>
}

/**
 * The official client as this request may use it: `published` for everyone;
 * in preview (valid preview cookie, server side only) `drafts` through the
 * server's read token, with stega-encoded strings for click-to-edit. Only
 * published renders share results (`shared`); a preview always asks.
 */
function requestContent(): { client: SanityClient, shared?: ContentQueryCache } {
  const event = import.meta.server ? useRequestEvent() : undefined
  const base = useSanity().client
  if (event?.context.preview !== true) {
    return { client: visitorClient(base), shared: event?.context.contentQueries }
  }
  const config = useRuntimeConfig()
  return {
    client: base.withConfig({
      ...VISITOR,
      perspective: 'drafts',
      token: config.sanity.token,
      useCdn: false,
      stega: { enabled: Boolean(config.public.studioUrl), studioUrl: config.public.studioUrl || '/' },
    }),
  }
}

type ContentQueryCache = NonNullable<ReturnType<typeof useRequestEvent>>['context']['contentQueries']

// A visitor waits for the page: one retry, then the French 503 (the
// client's default, five retries with backoff, took over 10 s).
const VISITOR = { maxRetries: 1, timeout: 8000 }

/** One configured client per request's client, not one per query. */
const visitorClients = new WeakMap<SanityClient, SanityClient>()

function visitorClient(base: SanityClient): SanityClient {
  let client = visitorClients.get(base)
  if (!client) {
    client = base.withConfig(VISITOR)
    visitorClients.set(base, client)
  }
  return client
}

/** The French 404 page. Not fatal: a visitor's typo is not worth a stack trace in the logs. */
export function notFoundError() {
  return createError({ statusCode: 404, statusMessage: 'Page introuvable' })
}

/** Throws the French 404 page when a document does not exist (or is not published). */
export function assertFound<T>(value: T | null | undefined): asserts value is T {
  if (value === null || value === undefined) throw notFoundError()
}
