import type { DocumentBadgeComponent } from 'sanity'
import { workflowBadge } from '../../shared/workflow'

/** The state of the pending changes, in the document header next to Sanity's own status. */
export const WorkflowBadge: DocumentBadgeComponent = ({ draft }) => {
  const badge = workflowBadge(draft)
  return badge ? { label: badge.label, title: badge.title, color: badge.color } : null
}
WorkflowBadge.displayName = 'WorkflowBadge'
