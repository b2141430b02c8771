/**
 * Sanity's image CDN for the embedded dataset, on the site's own origin so
 * that browsers (and prerendered HTML) never depend on the local Content Lake
 * port. Connected deployments use cdn.sanity.io and never reach this route.
 */
const IMAGE_PATH = /^([\w-]+)\/([\w-]+)\/([\w.-]+)$/

export default defineEventHandler(async (event) => {
  const lake = useEmbeddedContentLake()
  const match = IMAGE_PATH.exec(getRouterParam(event, 'path') ?? '')
  if (!lake || !match || match[1] !== EMBEDDED_PROJECT_ID) {
    throw createError({ statusCode: 404, statusMessage: 'Image introuvable' })
  }
  const search = new URLSearchParams(getQuery(event) as Record<string, string>)
  const rendition = await lake.renderAsset(`images/${match[3]}`, search, getRequestHeader(event, 'accept') ?? '')
  if (rendition.status !== 200) throw createError({ statusCode: rendition.status, statusMessage: 'Image introuvable' })
  setResponseHeaders(event, { 'content-type': rendition.contentType, 'vary': 'Accept' })
  return rendition.body
})
