import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/**
 * Compresses text responses rendered by the server (prerendered files are
 * precompressed at build: `compressPublicAssets`). Runs after the route cache,
 * so cached entries stay uncompressed and each client gets its own encoding.
 * A proxy in front (nginx, Traefik) passes encoded responses through.
 */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|ld\+json)|image\/svg\+xml)/
const MIN_BYTES = 1024

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', (event, response) => {
    const body = response.body
    if (typeof body !== 'string' || Buffer.byteLength(body) < MIN_BYTES) return
    // Nuxt renders error pages through an internal sub-request whose body it reads back as text.
    if (event.path.startsWith('/__nuxt') || getRequestHeader(event, 'x-nuxt-error')) return
    if (getResponseHeader(event, 'content-encoding')) return
    if (!COMPRESSIBLE.test(String(getResponseHeader(event, 'content-type') ?? ''))) return
    appendResponseHeader(event, 'vary', 'Accept-Encoding')
    const accepted = getRequestHeader(event, 'accept-encoding') ?? ''
    if (/\bbr\b/.test(accepted)) {
      response.body = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      setResponseHeader(event, 'content-encoding', 'br')
    }
    else if (/\bgzip\b/.test(accepted)) {
      response.body = gzipSync(body, { level: 6 })
      setResponseHeader(event, 'content-encoding', 'gzip')
    }
    else {
      return
    }
    removeResponseHeader(event, 'content-length')
  })
})
