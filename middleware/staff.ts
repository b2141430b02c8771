import type { StaffSession } from '~/composables/useStaffSession'

/**
 * Every back-office page but the sign-in form: loads the member from the
 * session cookie, or sends them to sign in and back here afterwards.
 */
export default defineNuxtRouteMiddleware(async (to) => {
  const { session } = useStaffSession()
  try {
    session.value = await useRequestFetch()<StaffSession>('/api/v1/auth/session')
  }
  catch (error) {
    const status = (error as { statusCode?: number }).statusCode
    if (status === 401) return navigateTo({ path: '/admin/connexion', query: { suite: to.fullPath } })
    return abortNavigation(createError({ statusCode: status === 503 ? 503 : 500, statusMessage: 'Espace équipe indisponible', fatal: true }))
  }
})
