/**
 * Document actions of the editorial workflow (shared/workflow.ts decides who
 * may do what from which state; these hooks only read the Studio's state and
 * write the `workflow` field).
 *
 * Every transition is a patch of the draft, so it appears in the document's
 * own history like any edit: the history stays Sanity's.
 */
import { useToast } from '@sanity/ui'
import { useEffect, useState } from 'react'
import {
  getDraftId,
  useCurrentUser,
  useDocumentOperation,
  useValidationStatus,
} from 'sanity'
import type { DocumentActionComponent, DocumentActionDescription, DocumentActionProps } from 'sanity'
import {
  changedSinceApproval,
  decideWorkflowAction,
  nextWorkflow,
  WORKFLOW_ACTION_LABELS,
  workflowStateOf,
  type WorkflowAction,
  type WorkflowSituation,
  type WorkflowUser,
} from '../../shared/workflow'

/** What shared/workflow.ts needs to know, read from the open document. */
function useWorkflowSituation(props: DocumentActionProps): { situation: WorkflowSituation, user: WorkflowUser | undefined } {
  const currentUser = useCurrentUser()
  // The draft's validation, published references required, as the publish action checks it.
  const validation = useValidationStatus(getDraftId(props.id), props.type, true)
  const situation: WorkflowSituation = {
    state: workflowStateOf(props.draft),
    hasChanges: Boolean(props.draft),
    validating: validation.isValidating,
    hasErrors: validation.validation.some(marker => marker.level === 'error'),
    roles: currentUser?.roles.map(role => role.name) ?? [],
    changedSinceApproval: changedSinceApproval(props.draft),
  }
  return { situation, user: currentUser ? { id: currentUser.id, name: currentUser.name } : undefined }
}

/** Versions in a release are published with the release: the workflow only covers drafts. */
const isReleaseVersion = (props: DocumentActionProps) => Boolean(props.release || props.version)

const TOAST_TITLES: Partial<Record<WorkflowAction, string>> = {
  submit: 'Document soumis pour relecture',
  approve: 'Modifications approuvées : le document peut être publié',
  requestChanges: 'Document renvoyé en brouillon',
}

/** One transition that only patches the `workflow` field of the draft. */
function workflowTransitionAction(action: Exclude<WorkflowAction, 'publish'>, tone: DocumentActionDescription['tone']): DocumentActionComponent {
  const WorkflowTransitionAction: DocumentActionComponent = (props) => {
    const { patch } = useDocumentOperation(props.id, props.type)
    const { situation, user } = useWorkflowSituation(props)
    const toast = useToast()
    if (isReleaseVersion(props)) return null
    const decision = decideWorkflowAction(action, situation)
    if (!decision.visible) return null
    return {
      label: WORKFLOW_ACTION_LABELS[action],
      tone,
      disabled: !decision.allowed || !user,
      title: decision.reason,
      onHandle: () => {
        if (!user) return
        patch.execute([{ set: { workflow: nextWorkflow(action, props.draft, user, new Date()) } }])
        toast.push({ status: 'success', title: TOAST_TITLES[action] })
        props.onComplete()
      },
    }
  }
  WorkflowTransitionAction.displayName = `Workflow${action[0]!.toUpperCase()}${action.slice(1)}Action`
  return WorkflowTransitionAction
}

export const SubmitForReviewAction = workflowTransitionAction('submit', 'primary')
export const ApproveAction = workflowTransitionAction('approve', 'positive')
export const RequestChangesAction = workflowTransitionAction('requestChanges', 'caution')

/**
 * « Publier », in place of the Studio's publish action: enabled only once the
 * changes are approved and unchanged since. It wraps the default action
 * rather than calling `publish` itself, so everything the Studio checks before
 * publishing (validation errors, permissions, pending saves) still applies.
 * Publishing clears the `workflow` field first: the published document carries
 * no pending state, and the next edit starts as a draft.
 */
export function workflowPublishAction(defaultPublish: DocumentActionComponent): DocumentActionComponent {
  const WorkflowPublishAction: DocumentActionComponent = (props) => {
    const description = defaultPublish(props)
    const { patch } = useDocumentOperation(props.id, props.type)
    const { situation } = useWorkflowSituation(props)
    const [publishing, setPublishing] = useState(false)
    // Publishing removes the draft: that ends our part of it.
    useEffect(() => {
      if (!props.draft) setPublishing(false)
    }, [props.draft])

    if (!description || isReleaseVersion(props) || !props.draft) return description
    // While the Studio publishes (its button is busy), show its progress; if
    // publishing fails the button comes back enabled and the rules apply again
    // (the workflow was cleared: the changes need a new approval).
    if (publishing && description.disabled) return description
    const decision = decideWorkflowAction('publish', situation)
    if (!decision.allowed) {
      return { ...description, label: WORKFLOW_ACTION_LABELS.publish, disabled: true, title: decision.reason, shortcut: null }
    }
    return {
      ...description,
      onHandle: () => {
        setPublishing(true)
        // Queued before the publish, which waits for the draft to be saved (it requires consistency).
        patch.execute([{ unset: ['workflow'] }])
        description.onHandle?.()
      },
    }
  }
  WorkflowPublishAction.action = 'publish'
  WorkflowPublishAction.displayName = 'WorkflowPublishAction'
  return WorkflowPublishAction
}
