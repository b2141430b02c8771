import { logJson } from '../observability/request-log'
import { undispatchedEvents } from '../publish/publish-log'

const RECOVERY_DELAY_MS = 5000
const SHUTDOWN_FLUSH_MS = 5000

/**
 * The publish flow's lifecycle: listening for the other replicas' purges;
 * after a restart, events received in the last day that never got a rebuild
 * request are queued again (the coalescing queue lives in memory); on
 * shutdown, what waits for its window is sent at once and the publish log's
 * pending writes are tried one last time.
 */
export default defineNitroPlugin((nitroApp) => {
  if (import.meta.prerender) return
  const { rebuild, broadcast } = usePublishFlow()
  void broadcast?.start()

  if (rebuild.configured) {
    setTimeout(async () => {
      try {
        const db = await useDatabase()
        const events = await db.as({ role: 'service_role' }, tx => undispatchedEvents(tx))
        for (const event of events) rebuild.enqueue({ dataset: event.dataset, documentIds: event.documentIds, publishEventId: event.id })
        if (events.length) logJson('info', 'publish.recovered', { events: events.length })
      }
      catch (error) {
        logJson('warn', 'publish.recovery_failed', { error })
      }
    }, RECOVERY_DELAY_MS).unref()
  }

  nitroApp.hooks.hook('close', async () => {
    const { log } = usePublishFlow()
    const deadline = new Promise(resolve => setTimeout(resolve, SHUTDOWN_FLUSH_MS).unref())
    await Promise.race([Promise.all([rebuild.flush(), log.flush()]), deadline])
    rebuild.stop()
    log.stop()
    await broadcast?.stop()
  })
})
