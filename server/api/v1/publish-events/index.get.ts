import { listPublishEvents } from '../../../publish/publish-log'

/**
 * The publish log for staff (`publish_events.read`): events newest first,
 * each with its stages (received → refreshed → build_requested → deployed),
 * paginated with `page` and `page_size`.
 */
export default defineApiHandler(async (event) => {
  enforceRateLimit(event, 'publish-events', { limit: 120, windowSeconds: 60 })
  const staff = await requirePermission(event, 'publish_events.read')
  const { page, page_size } = paginationQuery.parse(getQuery(event))
  const { items, total } = await asStaff(await staffDatabase(), staff, tx => listPublishEvents(tx, page, page_size))
  return { items, page, page_size, total }
})
