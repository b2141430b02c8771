import { HELLOASSO_HOST, HELLOASSO_SANDBOX_HOST } from '#shared/helloasso'

/**
 * Security headers on every response, prerendered files included (a request
 * hook runs before Nitro's static handler). Content pages carry no script at
 * all, so the policy forbids script outright; JSON-LD blocks are data, not
 * script, and CSP does not apply to them. Styles are inlined by Nuxt and LQIP
 * placeholders are style attributes, hence 'unsafe-inline' for styles only.
 */
function contentSecurityPolicy(production: boolean, imageOrigin: string): string {
  const helloAsso = [`https://${HELLOASSO_HOST}`, ...(production ? [] : [`https://${HELLOASSO_SANDBOX_HOST}`])]
  return [
    `default-src 'self'`,
    `script-src 'none'`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: ${imageOrigin}`.trim(),
    `font-src 'self'`,
    `connect-src 'self'`,
    `frame-src ${helloAsso.join(' ')}`,
    `form-action 'self'`,
    `base-uri 'none'`,
    `object-src 'none'`,
    `frame-ancestors 'none'`,
  ].join('; ')
}

/** Where images come from: a path on this site ('self'), another https origin, or Sanity's CDN. */
function imageOrigin(imageBaseUrl: string, projectId: string): string {
  if (imageBaseUrl) return /^https:\/\//.test(imageBaseUrl) ? new URL(imageBaseUrl).origin : ''
  return projectId ? 'https://cdn.sanity.io' : ''
}

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('request', (event) => {
    const config = useRuntimeConfig(event).public
    const production = config.siteEnv === 'production'
    setResponseHeaders(event, {
      'content-security-policy': contentSecurityPolicy(production, imageOrigin(config.imageBaseUrl, config.sanity.projectId)),
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()',
      'cross-origin-opener-policy': 'same-origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    })
  })
})
