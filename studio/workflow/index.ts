import type { DocumentActionComponent, DocumentBadgeComponent } from 'sanity'
import { isWorkflowDocumentType } from '../../shared/workflow'
import { ApproveAction, RequestChangesAction, SubmitForReviewAction, workflowPublishAction } from './actions'
import { WorkflowBadge } from './badge'

/**
 * One wrapper per default publish action: the resolver runs on every render
 * of a document pane, and a new component each time would reset its state.
 */
const publishWrappers = new WeakMap<DocumentActionComponent, DocumentActionComponent>()

function wrappedPublish(defaultPublish: DocumentActionComponent): DocumentActionComponent {
  let wrapper = publishWrappers.get(defaultPublish)
  if (!wrapper) {
    wrapper = workflowPublishAction(defaultPublish)
    publishWrappers.set(defaultPublish, wrapper)
  }
  return wrapper
}

/**
 * The actions of a workflow document, in the order the Studio shows them: the
 * first one offered is the main button (« Soumettre pour relecture » on a
 * draft, « Approuver » in review, « Publier » once approved), the others are
 * in the menu. Other types keep their actions.
 */
export function withWorkflowActions(actions: DocumentActionComponent[], schemaType: string): DocumentActionComponent[] {
  if (!isWorkflowDocumentType(schemaType)) return actions
  const defaultPublish = actions.find(action => action.action === 'publish')
  const others = actions.filter(action => action.action !== 'publish')
  return [
    SubmitForReviewAction,
    ApproveAction,
    ...(defaultPublish ? [wrappedPublish(defaultPublish)] : []),
    RequestChangesAction,
    ...others,
  ]
}

export function withWorkflowBadge(badges: DocumentBadgeComponent[], schemaType: string): DocumentBadgeComponent[] {
  return isWorkflowDocumentType(schemaType) ? [...badges, WorkflowBadge] : badges
}
