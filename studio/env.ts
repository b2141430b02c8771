/**
 * Studio and CLI settings read from the environment. Only `SANITY_STUDIO_*`
 * variables reach the Studio bundle; the fallbacks let the Studio build and
 * the schema extraction run offline (CI, local checks).
 */
export const projectId = process.env.SANITY_STUDIO_PROJECT_ID || 'gpmlocal'
export const dataset = process.env.SANITY_STUDIO_DATASET || 'production'

/** API version for Vision and for the queries run by validation rules. */
export const apiVersion = '2025-02-19'
