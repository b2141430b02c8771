/**
 * The list state of a back-office page from its URL: `page` and a status
 * filter (`statut`) checked against the known values, so a hand-edited URL
 * falls back to the full first page instead of an error. `returnPath` is where
 * the page's forms send the member back (filters kept, old notices dropped).
 */
export function useAdminList<Status extends string>(statuses: readonly Status[]) {
  const route = useRoute()
  const first = (value: unknown) => Array.isArray(value) ? value[0] : value
  const rawStatus = first(route.query.statut)
  const status = statuses.find(known => known === rawStatus)
  const rawPage = Number(first(route.query.page))
  const page = Number.isInteger(rawPage) && rawPage >= 1 ? rawPage : 1
  const { notice: _notice, erreur: _erreur, champ: _champ, ...kept } = route.query
  const returnPath = `${route.path}${Object.keys(kept).length ? `?${new URLSearchParams(kept as Record<string, string>)}` : ''}`
  return { status, page, returnPath }
}
