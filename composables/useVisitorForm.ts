import type { VisitorFormState } from '#shared/forms'

/**
 * The failed form post this request carries (set by the server middleware
 * visitor-forms), to show the form again with its errors; undefined on a
 * plain visit. These pages are rendered on the server only.
 */
export function useVisitorForm(): VisitorFormState | undefined {
  const event = useRequestEvent()
  const state = event?.context.visitorForm
  if (event && state) setResponseStatus(event, state.status)
  return state
}

/** Title and robots for the form pages: they hold visitors' input, never indexed. */
export function useFormPageHead(title: string, failed = false) {
  useHead({ title: `${failed ? 'Erreur : ' : ''}${title} · GPM` })
  useSeoMeta({ robots: 'noindex, nofollow' })
}
