/**
 * States of what the back office handles, with their French labels: one list
 * for the API's validation, the CSV exports and the pages.
 */
export const SUBMISSION_STATUSES = ['new', 'handled', 'spam'] as const
export type SubmissionStatus = typeof SUBMISSION_STATUSES[number]

export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = {
  new: 'Nouveau',
  handled: 'Traité',
  spam: 'Indésirable',
}

export const SUBSCRIPTION_STATUSES = ['pending', 'confirmed', 'unsubscribed'] as const
export type SubscriptionStatus = typeof SUBSCRIPTION_STATUSES[number]

export const SUBSCRIPTION_STATUS_LABELS: Record<SubscriptionStatus, string> = {
  pending: 'En attente de confirmation',
  confirmed: 'Confirmé',
  unsubscribed: 'Désinscrit',
}
