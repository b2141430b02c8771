/**
 * Opens (and in the embedded default, migrates) the database when the server
 * starts rather than on the first form a visitor sends, and closes it on
 * shutdown. Never during prerender: the build needs no database.
 */
export default defineNitroPlugin((nitroApp) => {
  if (import.meta.prerender) return
  useDatabase().catch((error: unknown) => {
    console.error('[db] not available at start:', (error as Error).message)
  })
  nitroApp.hooks.hook('close', closeDatabase)
})
