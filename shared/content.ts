/** Project id the embedded Content Lake answers to; it appears in image URLs. */
export const EMBEDDED_PROJECT_ID = 'embedded'
