/** `{ status: new | handled | spam }` (`submissions.update`): handled and spam record who and when. */
export default defineApiHandler(async (event) => {
  const staff = await requirePermission(event, 'submissions.update')
  const id = parseRecordId(getRouterParam(event, 'id'), 'Message introuvable.')
  const { status } = submissionUpdateBody.parse(await readFormFields(event))
  return updateSubmissionStatus(await staffDatabase(), staff, id, status)
})
