import { HELLOASSO_HOST, HELLOASSO_SANDBOX_HOST } from '#shared/helloasso'

/**
 * Routes published since the build skip their prerendered file (stale) and
 * are rendered (server/utils/live-routes.ts).
 *
 * Serves preview requests (valid preview cookie) before anything else:
 * prerendered files and cached pages hold published content, so a preview
 * GET goes straight to the renderer, marked `x-gpm-preview` so the route
 * cache keys it apart — and the response is `no-store`, so it is never kept.
 * The page gets Sanity's visual editing overlays (one module script) and may
 * be framed by the Studio's Presentation tool.
 */
// Server routes and files (favicon, images, feeds: anything with an extension)
// are the same in preview; only pages are rendered from drafts.
const PASS_THROUGH = /^\/(?:api|_nuxt|_sanity|_preview|__nuxt|healthz|readyz|metrics)(?:\/|$)|\.[a-z0-9]+$/i

export default defineNitroPlugin((nitroApp) => {
  nitroApp.h3App.stack.unshift({
    route: '/',
    handler: defineEventHandler((event) => {
      // Only this layer may say a request is a preview.
      delete event.node.req.headers['x-gpm-preview']
      if (event.method !== 'GET' && event.method !== 'HEAD') return
      if (PASS_THROUGH.test(event.path.split('?')[0]!)) return
      if (!hasPreviewCookie(event)) {
        // Published since the build: the prerendered file is stale, render instead.
        if (isLiveRoute(event.path)) return nitroApp.router.handler(event)
        return
      }
      event.node.req.headers['x-gpm-preview'] = '1'
      event.context.preview = true
      const config = useRuntimeConfig(event)
      setResponseHeaders(event, {
        'cache-control': 'private, no-store',
        'x-robots-tag': 'noindex, nofollow',
        'content-security-policy': previewPolicy(config.public.studioUrl),
      })
      removeResponseHeader(event, 'x-frame-options')
      return nitroApp.router.handler(event)
    }),
  })

  nitroApp.hooks.hook('render:html', (html, { event }) => {
    if (!event.context.preview) return
    // Said again on the rendering itself: the route cache decides from these
    // headers whether to keep a response, and must not keep this one.
    setResponseHeader(event, 'cache-control', 'private, no-store')
    html.bodyAppend.push(
      `<div role="status" style="${BANNER_STYLE}">Aperçu : contenu non publié, visible par vous seul. <a href="/api/preview/disable?redirect=${encodeURIComponent(event.path)}" style="color:#fff;text-decoration:underline">Quitter l’aperçu</a></div>`,
      '<script type="module" src="/_preview/enable-visual-editing.js"></script>',
    )
  })
})

// Inline (no stylesheet of its own): white on dark orange, 7:1 contrast.
const BANNER_STYLE = 'position:fixed;inset:auto 0 0 0;z-index:50;background:#7c2d12;color:#fff;padding:.75rem 1rem;font-weight:600;text-align:center'

/** Preview pages run one same-origin module script and may be framed by the Studio. */
function previewPolicy(studioUrl: string): string {
  const studio = studioUrl ? new URL(studioUrl).origin : ''
  return [
    `default-src 'self'`,
    `script-src 'self'`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: https://cdn.sanity.io`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `frame-src https://${HELLOASSO_HOST} https://${HELLOASSO_SANDBOX_HOST}`,
    `form-action 'self'`,
    `base-uri 'none'`,
    `object-src 'none'`,
    `frame-ancestors 'self' ${studio}`.trim(),
  ].join('; ')
}
