/** Newsletter subscribers, newest first, filtered by `status` (`newsletter.read`). */
export default defineApiHandler(async (event) => {
  const staff = await requirePermission(event, 'newsletter.read')
  const query = subscriberListQuery.parse(getQuery(event))
  return listSubscribers(await staffDatabase(), staff, query)
})
