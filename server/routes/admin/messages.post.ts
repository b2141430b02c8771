/** Inbox actions (`id`, `status`): mark handled, spam, or back to new. */
export default defineAdminFormHandler('/admin/messages', async (event, form) => {
  const staff = await requirePermission(event, 'submissions.update')
  const id = parseRecordId(formText(form, 'id'), 'Message introuvable.')
  const { status } = submissionUpdateBody.parse({ status: formText(form, 'status') })
  await updateSubmissionStatus(await staffDatabase(), staff, id, status)
  return `submission_${status}`
})
