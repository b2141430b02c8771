import type { DocumentActionComponent, DocumentBadgeComponent } from 'sanity'
import { describe, expect, it } from 'vitest'
import { WORKFLOW_DOCUMENT_TYPES } from '../../shared/workflow'
import { ApproveAction, RequestChangesAction, SubmitForReviewAction } from '../../studio/workflow/actions'
import { WorkflowBadge } from '../../studio/workflow/badge'
import { withWorkflowActions, withWorkflowBadge } from '../../studio/workflow/index'

/** Stand-ins for the Studio's default actions: only their `action` key matters here. */
function defaultAction(action: string): DocumentActionComponent {
  const component = (() => null) as unknown as DocumentActionComponent
  component.action = action as DocumentActionComponent['action']
  return component
}

const defaults = ['publish', 'unpublish', 'discardChanges', 'duplicate', 'delete'].map(defaultAction)
const publishOf = (actions: DocumentActionComponent[]) => actions.filter(action => action.action === 'publish')

describe('Studio wiring of the workflow', () => {
  it.each([...WORKFLOW_DOCUMENT_TYPES])('%s: submit, approve, publish (wrapped), request changes, then the other defaults', (type) => {
    const actions = withWorkflowActions(defaults, type)
    expect(actions.slice(0, 2)).toEqual([SubmitForReviewAction, ApproveAction])
    expect(actions[3]).toBe(RequestChangesAction)
    expect(publishOf(actions)).toHaveLength(1)
    expect(actions[2]!.action).toBe('publish')
    expect(actions[2]).not.toBe(defaults[0])
    expect(actions[2]!.displayName).toBe('WorkflowPublishAction')
    expect(actions.slice(4)).toEqual(defaults.slice(1))
  })

  it('wraps a given publish action once, so the component keeps its state between renders', () => {
    expect(withWorkflowActions(defaults, 'page')[2]).toBe(withWorkflowActions(defaults, 'post')[2])
  })

  it.each(['person', 'category', 'siteSettings', 'navigation'])('%s keeps the default actions and badges', (type) => {
    expect(withWorkflowActions(defaults, type)).toBe(defaults)
    const badges: DocumentBadgeComponent[] = []
    expect(withWorkflowBadge(badges, type)).toBe(badges)
  })

  it('adds the state badge to workflow types', () => {
    expect(withWorkflowBadge([], 'formation')).toEqual([WorkflowBadge])
  })
})
