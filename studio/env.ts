/**
 * Studio and CLI settings read from the environment. Only `SANITY_STUDIO_*`
 * variables reach the Studio bundle; the fallbacks let the Studio build and
 * the schema extraction run offline (CI, local checks).
 */
export const projectId = process.env.SANITY_STUDIO_PROJECT_ID || 'gpmlocal'
export const dataset = process.env.SANITY_STUDIO_DATASET || 'production'

/**
 * Origin of the Nuxt site shown in the Presentation tool. Baked into the
 * static Studio like the project id: it is a public URL, not a secret.
 */
export const previewOrigin = process.env.SANITY_STUDIO_PREVIEW_ORIGIN || 'http://localhost:3000'

/** API version for Vision and for the queries run by validation rules. */
export const apiVersion = '2025-02-19'
