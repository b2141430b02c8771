import type { QueryParams } from '@sanity/client'

/**
 * Fetches one GROQ query through the official client (published perspective)
 * during SSR or prerender. An unreachable content API becomes a French 503
 * page with Retry-After (set by error.vue) — never a stack trace; a cached page, when there is
 * one, is served by the route cache before this ever runs.
 */
export async function useContentQuery<Result>(key: string, query: string, params: QueryParams = {}) {
  const sanity = useSanity()
  const { data, error } = await useAsyncData(key, () => sanity.fetch<Result>(query, params))
  if (error.value) {
    console.error(`[content] query "${key}" failed:`, error.value.message)
    throw createError({ statusCode: 503, statusMessage: 'Contenu momentanément indisponible' })
  }
  return data as Ref<Result>
}

/** The French 404 page. Not fatal: a visitor's typo is not worth a stack trace in the logs. */
export function notFoundError() {
  return createError({ statusCode: 404, statusMessage: 'Page introuvable' })
}

/** Throws the French 404 page when a document does not exist (or is not published). */
export function assertFound<T>(value: T | null | undefined): asserts value is T {
  if (value === null || value === undefined) throw notFoundError()
}
