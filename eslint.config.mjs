// @ts-check
import withNuxt from './.nuxt/eslint.config.mjs'

export default withNuxt({
  ignores: ['types/sanity.types.ts', 'studio/dist/**', 'studio/.sanity/**', 'content/**', '.cache/**'],
})
