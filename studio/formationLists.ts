/**
 * The « À venir » and « Passées » lists of formations in the desk structure.
 *
 * A document list of the structure can only be sorted by a field path, and
 * the next session is computed (the earliest of the sessions still to come),
 * so these lists are built from a GROQ query that filters and sorts, kept
 * live with the document store's listener.
 */
import { map } from 'rxjs'
import type { StructureBuilder, StructureResolverContext } from 'sanity/structure'
import { apiVersion } from './env'

/** A formation is upcoming when one of its sessions starts after now. */
const UPCOMING_SESSIONS = /* groq */ `sessions[dateTime(start) > dateTime(now())]`

/** Formations with a session to come, the soonest next session first. */
export const UPCOMING_FORMATIONS_QUERY = /* groq */ `*[_type == "formation" && count(${UPCOMING_SESSIONS}) > 0] {
  _id,
  title,
  "sortKey": (${UPCOMING_SESSIONS} | order(start asc))[0].start
} | order(sortKey asc, lower(title) asc)`

/** Formations whose sessions are all past, the most recent last session first. */
export const PAST_FORMATIONS_QUERY = /* groq */ `*[_type == "formation" && count(sessions) > 0 && count(${UPCOMING_SESSIONS}) == 0] {
  _id,
  title,
  "sortKey": (sessions | order(start desc))[0].start
} | order(sortKey desc, lower(title) asc)`

/** The listener cannot evaluate `now()`: it watches every formation and the query above is run again. */
const LISTEN_QUERY = /* groq */ `*[_type == "formation"]`

/** `drafts.x` → `x`: the list opens the document, the Studio shows its draft. */
export function formationIdsFromResult(result: unknown): string[] {
  const ids = (Array.isArray(result) ? result : [])
    .map(row => (typeof row?._id === 'string' ? row._id.replace(/^drafts\./, '') : undefined))
    .filter((id): id is string => Boolean(id))
  return [...new Set(ids)]
}

export function formationListItem(S: StructureBuilder, context: StructureResolverContext, options: { id: string, title: string, query: string }) {
  return S.listItem()
    .id(options.id)
    .title(options.title)
    .schemaType('formation')
    .child(() => context.documentStore
      .listenQuery(
        { fetch: options.query, listen: LISTEN_QUERY },
        {},
        { apiVersion, perspective: context.perspectiveStack, throttleTime: 1000 },
      )
      .pipe(map(result => S.list()
        .id(options.id)
        .title(options.title)
        .items(formationIdsFromResult(result).map(id => S.documentListItem().id(id).schemaType('formation'))))))
}
