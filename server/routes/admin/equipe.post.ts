/** Team actions: `create` an account, `roles` (replace a member's roles), `delete` a member. */
export default defineAdminFormHandler('/admin/equipe', async (event, form) => {
  const staff = await requirePermission(event, 'users.manage')
  const db = await staffDatabase()
  switch (formText(form, 'action')) {
    case 'create': {
      const input = staffUserCreateBody.parse({
        email: formText(form, 'email'),
        display_name: formText(form, 'display_name'),
        roles: formList(form, 'roles'),
        password: formText(form, 'password') || undefined,
      })
      await createStaffUser(db, staff, input, staffAccountProvider(event))
      return 'user_created'
    }
    case 'roles': {
      const id = parseRecordId(formText(form, 'id'), 'Compte introuvable.')
      await updateStaffUser(db, staff, id, staffUserUpdateBody.parse({ roles: formList(form, 'roles') }))
      return 'user_updated'
    }
    case 'delete': {
      const id = parseRecordId(formText(form, 'id'), 'Compte introuvable.')
      await deleteStaffUser(db, staff, id, staffAccountRemoval(event))
      return 'user_deleted'
    }
    default:
      throw apiError(400, 'bad_request', 'Action inconnue.')
  }
})
