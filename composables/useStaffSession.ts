export interface StaffSession {
  id: string
  email: string
  roles: string[]
  permissions: string[]
  /** `local`: accounts with a password set here; `supabase`: invitations by e-mail. */
  auth_mode: 'local' | 'supabase'
}

/**
 * The signed-in staff member, loaded once per request by the `staff` route
 * middleware, and what they may do. Pages show an action only to those who
 * hold its permission; the server checks again whatever the page shows.
 */
export function useStaffSession() {
  const session = useState<StaffSession | null>('staff-session', () => null)
  const can = (permission: string) => Boolean(session.value?.permissions.includes(permission))
  return { session, can }
}
