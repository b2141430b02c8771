/**
 * The catalogue is cached per URL (query string included). Any query other
 * than the two filters, or a malformed value, is redirected to the clean URL,
 * so the cache holds at most (categories + 1) × 2 pages whatever is requested.
 */
const CATEGORY = /^[a-z0-9-]{1,96}$/

export default defineEventHandler((event) => {
  const url = getRequestURL(event)
  if (url.pathname !== '/formations' || !url.search) return
  const clean = new URLSearchParams()
  const category = url.searchParams.get('categorie')
  if (category && CATEGORY.test(category)) clean.set('categorie', category)
  if (url.searchParams.get('a-venir') === '1') clean.set('a-venir', '1')
  const target = clean.size ? `/formations?${clean}` : '/formations'
  if (`${url.pathname}${url.search}` !== target) return sendRedirect(event, target, 301)
})
