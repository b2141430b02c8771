/**
 * Sanity's image CDN for the embedded dataset, on the site's own origin so
 * that browsers (and prerendered HTML) never depend on the local Content Lake
 * port. Connected deployments use cdn.sanity.io and never reach this route.
 */
import { assetHeaders } from '../../../content-lake/server'

const IMAGE_PATH = /^([\w-]+)\/([\w-]+)\/([\w.-]+)$/

export default defineEventHandler(async (event) => {
  const lake = useEmbeddedContentLake()
  const match = IMAGE_PATH.exec(getRouterParam(event, 'path') ?? '')
  if (!lake || !match || match[1] !== EMBEDDED_PROJECT_ID) {
    throw createError({ statusCode: 404, statusMessage: 'Image introuvable' })
  }
  const search = new URLSearchParams(getQuery(event) as Record<string, string>)
  const rendition = await lake.renderAsset(`images/${match[3]}`, search, getRequestHeader(event, 'accept') ?? '')
  // Headers set here, not by a route rule, so that only a 200 is cached for a year.
  setResponseHeaders(event, assetHeaders(rendition))
  setResponseStatus(event, rendition.status)
  return rendition.body
})
