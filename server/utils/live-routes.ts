/**
 * Routes published since this release was built. Their prerendered files
 * (built from the old content) must no longer be served: such a route is
 * rendered by the server until the next release rebuilds it. Per process;
 * every replica learns the routes from the purge broadcast or the refresh.
 */
const live = new Set<string>()
let everything = false

function pathOf(route: string): string {
  const path = route.split(/[?#]/)[0] || '/'
  return path.length > 1 ? path.replace(/\/+$/, '') : path
}

export function markRoutesLive(routes: readonly string[] | 'all') {
  if (routes === 'all') everything = true
  else for (const route of routes) live.add(pathOf(route))
}

export function isLiveRoute(route: string): boolean {
  return everything || live.has(pathOf(route))
}
