/**
 * Outside production every response, prerendered or not, tells crawlers to
 * stay away; robots.txt says the same.
 */
export default defineEventHandler((event) => {
  if (useRuntimeConfig(event).public.siteEnv !== 'production') {
    setResponseHeader(event, 'x-robots-tag', 'noindex, nofollow')
  }
})
