/**
 * Search engines may index only the production site; every other
 * environment (dev, test, preview) is closed to them.
 */
export default defineEventHandler((event) => {
  const config = useRuntimeConfig(event).public
  setResponseHeader(event, 'content-type', 'text/plain; charset=utf-8')
  if (config.siteEnv !== 'production') {
    return 'User-agent: *\nDisallow: /\n'
  }
  const origin = (config.siteUrl || getRequestURL(event).origin).replace(/\/$/, '')
  return `User-agent: *\nDisallow: /api/\nDisallow: /admin\nDisallow: /preview\n\nSitemap: ${origin}/sitemap.xml\n`
})
