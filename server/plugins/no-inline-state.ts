/**
 * nuxt-site-config inlines `window.__NUXT_SITE_CONFIG__` for client code to
 * read. On a `noScripts` route there is no client code: the script is dead
 * weight, and the only inline script a strict CSP would have to allow.
 */
const SITE_CONFIG_SCRIPT = /<script>window\.__NUXT_SITE_CONFIG__=[^<]*<\/script>/g

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:html', (html, { event }) => {
    if (!getRouteRules(event).noScripts) return
    html.body = html.body.map(chunk => chunk.replace(SITE_CONFIG_SCRIPT, ''))
    html.bodyAppend = html.bodyAppend.map(chunk => chunk.replace(SITE_CONFIG_SCRIPT, ''))
  })
})
