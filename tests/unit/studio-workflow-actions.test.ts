/**
 * The workflow's document actions as the Studio runs them: hooks fed by the
 * Studio's own hooks (current user, validation, document operations),
 * replaced here by stand-ins so each action can be run for a given document
 * and user, and its button pressed. React's useState/useEffect are reduced to
 * one render (initial state, no effects): an action bar renders each action
 * once per document state, which is what these tests look at.
 */
import type { DocumentActionComponent, DocumentActionDescription, DocumentActionProps } from 'sanity'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { contentFingerprint, WORKFLOW_REASONS } from '../../shared/workflow'

const studio = vi.hoisted(() => ({
  user: null as null | { id: string, name: string, roles: Array<{ name: string }> },
  validation: { isValidating: false, validation: [] as Array<{ level: string }> },
  operations: [] as unknown[],
  toasts: [] as unknown[],
}))

vi.mock('sanity', () => ({
  getDraftId: (id: string) => `drafts.${id}`,
  useCurrentUser: () => studio.user,
  useValidationStatus: () => studio.validation,
  useDocumentOperation: () => ({ patch: { execute: (patches: unknown) => studio.operations.push({ patch: patches }) } }),
}))
vi.mock('@sanity/ui', () => ({ useToast: () => ({ push: (toast: unknown) => studio.toasts.push(toast) }) }))
vi.mock('react', () => ({ useState: <T>(initial: T) => [initial, () => {}], useEffect: () => {} }))

const { ApproveAction, RequestChangesAction, SubmitForReviewAction, workflowPublishAction } = await import('../../studio/workflow/actions')

const reviewer = { id: 'u-reviewer', name: 'Dominique Relecteur', roles: [{ name: 'reviewer' }] }
const editor = { id: 'u-editor', name: 'Camille Rédactrice', roles: [{ name: 'editor' }] }

function props(draft: Record<string, unknown> | null): DocumentActionProps {
  return {
    id: 'page-a-propos',
    type: 'page',
    draft: draft && { _id: 'drafts.page-a-propos', _type: 'page', _rev: 'r1', _createdAt: '', _updatedAt: '', ...draft },
    published: { _id: 'page-a-propos', _type: 'page', _rev: 'r0', _createdAt: '', _updatedAt: '' },
    version: null,
    release: undefined,
    liveEdit: false,
    liveEditSchemaType: false,
    ready: true,
    transactionSyncLock: null,
    initialValueResolved: true,
    onComplete: () => {},
  } as DocumentActionProps
}

/** Runs the action hook once, as one render of the Studio's action bar, and returns its description. */
function render(action: DocumentActionComponent, actionProps: DocumentActionProps): DocumentActionDescription | null {
  return action(actionProps)
}

beforeEach(() => {
  studio.user = editor
  studio.validation = { isValidating: false, validation: [] }
  studio.operations = []
  studio.toasts = []
})

describe('« Soumettre pour relecture »', () => {
  it('patches the draft into review, naming the submitter', () => {
    const description = render(SubmitForReviewAction, props({ title: 'À propos' }))
    expect(description).toMatchObject({ label: 'Soumettre pour relecture', disabled: false })
    description!.onHandle!()
    expect(studio.operations).toEqual([{ patch: [{ set: { workflow: { state: 'inReview', submittedBy: { id: editor.id, name: editor.name }, updatedAt: expect.any(String) } } }] }])
    expect(studio.toasts).toEqual([expect.objectContaining({ status: 'success', title: 'Document soumis pour relecture' })])
  })

  it('is disabled while the draft has validation errors', () => {
    studio.validation = { isValidating: false, validation: [{ level: 'warning' }, { level: 'error' }] }
    expect(render(SubmitForReviewAction, props({ title: 'À propos' }))).toMatchObject({ disabled: true, title: WORKFLOW_REASONS.hasErrors })
  })

  it('is not offered without unpublished changes, nor once submitted', () => {
    expect(render(SubmitForReviewAction, props(null))).toBeNull()
    expect(render(SubmitForReviewAction, props({ workflow: { state: 'inReview' } }))).toBeNull()
  })
})

describe('« Approuver » and « Demander des modifications »', () => {
  const inReview = { title: 'À propos', workflow: { state: 'inReview', submittedBy: { id: editor.id, name: editor.name } } }

  it('an editor sees « Approuver » disabled, and no « Demander des modifications »', () => {
    expect(render(ApproveAction, props(inReview))).toMatchObject({ label: 'Approuver', disabled: true, title: WORKFLOW_REASONS.notApprover })
    expect(render(RequestChangesAction, props(inReview))).toBeNull()
  })

  it('a reviewer approves: state, approver and fingerprint of the content approved', () => {
    studio.user = reviewer
    const description = render(ApproveAction, props(inReview))
    expect(description).toMatchObject({ disabled: false })
    description!.onHandle!()
    const [{ patch }] = studio.operations as Array<{ patch: Array<{ set: { workflow: Record<string, unknown> } }> }>
    expect(patch[0]!.set.workflow).toMatchObject({ state: 'approved', approvedBy: { id: reviewer.id, name: reviewer.name }, submittedBy: inReview.workflow.submittedBy })
    expect(patch[0]!.set.workflow.approvedFingerprint).toBe(contentFingerprint(props(inReview).draft))
  })

  it('a reviewer sends the document back to draft', () => {
    studio.user = reviewer
    render(RequestChangesAction, props(inReview))!.onHandle!()
    expect(studio.operations).toEqual([{ patch: [{ set: { workflow: expect.objectContaining({ state: 'draft', changesRequestedBy: { id: reviewer.id, name: reviewer.name } }) } }] }])
  })

  it('nobody signed in: nothing can be written', () => {
    studio.user = null
    expect(render(SubmitForReviewAction, props({ title: 'À propos' }))).toMatchObject({ disabled: true })
  })
})

describe('« Publier » wrapping the Studio’s publish action', () => {
  /** The Studio's publish, logging into the same list as patches, so their order shows. */
  const defaultPublish: DocumentActionComponent = () => ({
    label: 'Publier',
    disabled: false,
    shortcut: 'Ctrl+Alt+P',
    onHandle: () => {
      studio.operations.push('publish')
    },
  })
  defaultPublish.action = 'publish'
  const publish = workflowPublishAction(defaultPublish)

  function approved(extra: Record<string, unknown> = {}) {
    const content = { title: 'À propos' }
    const draft = { ...props(content).draft!, workflow: { state: 'approved' } }
    return { ...content, ...extra, workflow: { state: 'approved', approvedFingerprint: contentFingerprint(draft) } }
  }

  it.each([
    ['a draft not submitted', { title: 'À propos' }, WORKFLOW_REASONS.notSubmitted],
    ['a draft in review', { title: 'À propos', workflow: { state: 'inReview' } }, WORKFLOW_REASONS.awaitingApproval],
    ['an approved draft edited since', approved({ title: 'À propos de nous' }), WORKFLOW_REASONS.changedSinceApproval],
  ])('is disabled on %s', (_label, draft, reason) => {
    expect(render(publish, props(draft))).toMatchObject({ label: 'Publier', disabled: true, title: reason, shortcut: null })
  })

  it('on approved, unchanged changes: clears the workflow, then runs the Studio’s publish', () => {
    const description = render(publish, props(approved()))
    expect(description).toMatchObject({ disabled: false, shortcut: 'Ctrl+Alt+P' })
    studio.operations.length = 0
    description!.onHandle!()
    expect(studio.operations).toEqual([{ patch: [{ unset: ['workflow'] }] }, 'publish'])
  })

  it('keeps the Studio’s refusal (validation errors, permissions) even when approved', () => {
    const refusing: DocumentActionComponent = () => ({ label: 'Publier', disabled: true, title: 'Erreurs de validation' })
    expect(render(workflowPublishAction(refusing), props(approved()))).toMatchObject({ disabled: true, title: 'Erreurs de validation' })
  })

  it('without a draft, shows the Studio’s own state (already published)', () => {
    const published: DocumentActionComponent = () => ({ label: 'Publié', disabled: true })
    expect(render(workflowPublishAction(published), props(null))).toEqual({ label: 'Publié', disabled: true })
  })
})
