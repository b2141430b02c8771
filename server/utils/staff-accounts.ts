import type { H3Event } from 'h3'
import type { InviteStaffMember } from './staff-directory'
import { deleteSupabaseUser, inviteWithSupabase } from './supabase-auth'

/**
 * Where sign-in accounts are created: auth.users in the embedded default,
 * Supabase's invitation (admin API, service role key) when Supabase Auth is used.
 */
export function staffAccountProvider(event: H3Event): { mode: 'local' } | { mode: 'supabase', invite: InviteStaffMember } {
  const settings = authSettings(event)
  if (settings.mode === 'local') {
    assertLocalSignInAllowed()
    return { mode: 'local' }
  }
  const signInPage = `${siteOrigin(event)}/admin/connexion`
  return { mode: 'supabase', invite: (email, displayName) => inviteWithSupabase(settings, email, displayName, signInPage) }
}

export function staffAccountRemoval(event: H3Event): { mode: 'local' } | { mode: 'supabase', remove: (id: string) => Promise<void> } {
  const settings = authSettings(event)
  return settings.mode === 'local' ? { mode: 'local' } : { mode: 'supabase', remove: id => deleteSupabaseUser(settings, id) }
}
