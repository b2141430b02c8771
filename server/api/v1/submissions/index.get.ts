/** The contact messages inbox, newest first, filtered by `status` (`submissions.read`). */
export default defineApiHandler(async (event) => {
  const staff = await requirePermission(event, 'submissions.read')
  const query = submissionListQuery.parse(getQuery(event))
  return listSubmissions(await staffDatabase(), staff, query)
})
