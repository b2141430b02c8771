/** Role actions: `create` a role, `update` one (name, description, permissions). */
export default defineAdminFormHandler('/admin/roles', async (event, form) => {
  const staff = await requirePermission(event, 'roles.manage')
  const db = await staffDatabase()
  switch (formText(form, 'action')) {
    case 'create': {
      const input = roleCreateBody.parse({ name: formText(form, 'name'), description: formText(form, 'description'), permissions: formList(form, 'permissions') })
      await createRole(db, staff, input)
      return 'role_created'
    }
    case 'update': {
      const id = parseRecordId(formText(form, 'id'), 'Rôle introuvable.')
      const input = roleUpdateBody.parse({
        // A system role's form has neither a name field nor permission boxes: they cannot change.
        name: form.has('name') ? formText(form, 'name') : undefined,
        description: formText(form, 'description'),
        // Unticking every box is a real answer (no permission): the marker tells it from "not in this form".
        permissions: form.has('edit_permissions') ? formList(form, 'permissions') : undefined,
      })
      await updateRole(db, staff, id, input)
      return 'role_updated'
    }
    default:
      throw apiError(400, 'bad_request', 'Action inconnue.')
  }
})
