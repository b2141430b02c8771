/** The inbox as CSV for Excel (`submissions.read`), optionally filtered by `status`. */
export default defineApiHandler(async (event) => {
  const staff = await requirePermission(event, 'submissions.read')
  const filter = submissionFilterQuery.parse(getQuery(event))
  const { csv } = await exportSubmissions(await staffDatabase(), staff, filter)
  return sendCsv(event, csv, 'messages')
})
