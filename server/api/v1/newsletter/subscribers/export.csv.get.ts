/** Newsletter subscribers as CSV for Excel (`newsletter.read`), optionally filtered by `status`. */
export default defineApiHandler(async (event) => {
  const staff = await requirePermission(event, 'newsletter.read')
  const filter = subscriberFilterQuery.parse(getQuery(event))
  const { csv } = await exportSubscribers(await staffDatabase(), staff, filter)
  return sendCsv(event, csv, 'abonnes-lettre')
})
