import { evaluate, parse } from 'groq-js'
import { describe, expect, it } from 'vitest'
import {
  canApprove,
  changedSinceApproval,
  contentFingerprint,
  decideWorkflowAction,
  nextWorkflow,
  WORKFLOW_DOCUMENT_TYPES,
  WORKFLOW_LIST_FILTER,
  WORKFLOW_REASONS,
  workflowBadge,
  workflowPreviewLabel,
  workflowStateOf,
  type WorkflowAction,
  type WorkflowSituation,
  type WorkflowState,
} from '../../shared/workflow'

const author = { id: 'u-author', name: 'Camille Auteur' }
const reviewer = { id: 'u-reviewer', name: 'Dominique Relecteur' }
const NOW = new Date('2026-03-02T09:30:00Z')

function situation(overrides: Partial<WorkflowSituation> = {}): WorkflowSituation {
  return { state: 'draft', hasChanges: true, validating: false, hasErrors: false, roles: ['editor'], changedSinceApproval: false, ...overrides }
}

const draft = (workflow?: object) => ({
  _id: 'drafts.page-a-propos',
  _type: 'page',
  _rev: 'r1',
  _updatedAt: '2026-03-01T10:00:00Z',
  title: 'À propos',
  slug: { _type: 'slug', current: 'a-propos' },
  ...(workflow ? { workflow } : {}),
})

describe('workflow state of a document', () => {
  it.each([
    [undefined, 'draft'],
    [null, 'draft'],
    [{}, 'draft'],
    [{ workflow: null }, 'draft'],
    [{ workflow: { state: 'published' } }, 'draft'],
    [{ workflow: { state: 42 } }, 'draft'],
    [{ workflow: { state: 'draft' } }, 'draft'],
    [{ workflow: { state: 'inReview' } }, 'inReview'],
    [{ workflow: { state: 'approved' } }, 'approved'],
  ])('%j → %s', (document, state) => {
    expect(workflowStateOf(document)).toBe(state)
  })

  it.each([
    ['draft', 'Brouillon'],
    ['inReview', 'En relecture'],
    ['approved', 'Approuvé'],
    [undefined, undefined],
    ['published', undefined],
  ])('preview label of %s is %s', (state, label) => {
    expect(workflowPreviewLabel(state)).toBe(label)
  })
})

describe('who may approve', () => {
  it.each([
    [['administrator'], true],
    [['editor-in-chief'], true],
    [['reviewer'], true],
    [['editor', 'reviewer'], true],
    [['editor'], false],
    [['contributor', 'viewer'], false],
    [['Administrator'], false],
    [[], false],
  ])('roles %j → %s', (roles, expected) => {
    expect(canApprove(roles)).toBe(expected)
  })
})

type Row = [WorkflowAction, Partial<WorkflowSituation>, { visible: boolean, allowed: boolean, reason?: string }]

describe('which action is offered, from which state, to whom', () => {
  const rows: Row[] = [
    // Nothing pending (no draft): no workflow action at all.
    ['submit', { hasChanges: false }, { visible: false, allowed: false }],
    ['approve', { hasChanges: false, state: 'inReview', roles: ['administrator'] }, { visible: false, allowed: false }],
    ['requestChanges', { hasChanges: false, state: 'approved', roles: ['reviewer'] }, { visible: false, allowed: false }],
    ['publish', { hasChanges: false, state: 'approved' }, { visible: false, allowed: false }],
    // Submit: from draft only, by anyone, once the document is valid.
    ['submit', {}, { visible: true, allowed: true }],
    ['submit', { roles: [] }, { visible: true, allowed: true }],
    ['submit', { hasErrors: true }, { visible: true, allowed: false, reason: WORKFLOW_REASONS.hasErrors }],
    ['submit', { validating: true }, { visible: true, allowed: false, reason: WORKFLOW_REASONS.validating }],
    ['submit', { state: 'inReview' }, { visible: false, allowed: false }],
    ['submit', { state: 'approved' }, { visible: false, allowed: false }],
    // Approve: in review only, by an approver role, once valid.
    ['approve', { state: 'inReview', roles: ['reviewer'] }, { visible: true, allowed: true }],
    ['approve', { state: 'inReview', roles: ['editor-in-chief'] }, { visible: true, allowed: true }],
    ['approve', { state: 'inReview', roles: ['administrator'] }, { visible: true, allowed: true }],
    ['approve', { state: 'inReview', roles: ['editor'] }, { visible: true, allowed: false, reason: WORKFLOW_REASONS.notApprover }],
    ['approve', { state: 'inReview', roles: [] }, { visible: true, allowed: false, reason: WORKFLOW_REASONS.notApprover }],
    ['approve', { state: 'inReview', roles: ['reviewer'], hasErrors: true }, { visible: true, allowed: false, reason: WORKFLOW_REASONS.hasErrors }],
    ['approve', { state: 'draft', roles: ['administrator'] }, { visible: false, allowed: false }],
    ['approve', { state: 'approved', roles: ['administrator'] }, { visible: false, allowed: false }],
    // Request changes: reviewers, from review or approval, even on an invalid draft.
    ['requestChanges', { state: 'inReview', roles: ['reviewer'] }, { visible: true, allowed: true }],
    ['requestChanges', { state: 'approved', roles: ['administrator'] }, { visible: true, allowed: true }],
    ['requestChanges', { state: 'inReview', roles: ['reviewer'], hasErrors: true }, { visible: true, allowed: true }],
    ['requestChanges', { state: 'inReview', roles: ['editor'] }, { visible: false, allowed: false }],
    ['requestChanges', { state: 'draft', roles: ['administrator'] }, { visible: false, allowed: false }],
    // Publish: shown on every draft, allowed only once approved, unchanged and valid.
    ['publish', { state: 'approved' }, { visible: true, allowed: true }],
    ['publish', { state: 'approved', roles: [] }, { visible: true, allowed: true }],
    ['publish', { state: 'draft', roles: ['administrator'] }, { visible: true, allowed: false, reason: WORKFLOW_REASONS.notSubmitted }],
    ['publish', { state: 'inReview', roles: ['administrator'] }, { visible: true, allowed: false, reason: WORKFLOW_REASONS.awaitingApproval }],
    ['publish', { state: 'approved', changedSinceApproval: true }, { visible: true, allowed: false, reason: WORKFLOW_REASONS.changedSinceApproval }],
    ['publish', { state: 'approved', hasErrors: true }, { visible: true, allowed: false, reason: WORKFLOW_REASONS.hasErrors }],
    ['publish', { state: 'approved', validating: true }, { visible: true, allowed: false, reason: WORKFLOW_REASONS.validating }],
  ]

  it.each(rows)('%s with %j', (action, overrides, expected) => {
    expect(decideWorkflowAction(action, situation(overrides))).toEqual(expected)
  })
})

describe('the workflow field after each transition', () => {
  it('submit: draft → inReview, remembers who submitted', () => {
    expect(nextWorkflow('submit', draft(), author, NOW)).toEqual({ state: 'inReview', submittedBy: author, updatedAt: NOW.toISOString() })
  })

  it('submit again after changes were requested: the request is cleared', () => {
    const sentBack = draft({ state: 'draft', submittedBy: author, changesRequestedBy: reviewer })
    expect(nextWorkflow('submit', sentBack, author, NOW)).toEqual({ state: 'inReview', submittedBy: author, updatedAt: NOW.toISOString() })
  })

  it('approve: inReview → approved, keeps the submitter, fingerprints the approved content', () => {
    const submitted = draft({ state: 'inReview', submittedBy: author })
    expect(nextWorkflow('approve', submitted, reviewer, NOW)).toEqual({
      state: 'approved',
      submittedBy: author,
      approvedBy: reviewer,
      approvedFingerprint: contentFingerprint(submitted),
      updatedAt: NOW.toISOString(),
    })
  })

  it.each(['inReview', 'approved'] as const)('request changes: %s → draft, says who asked', (state) => {
    expect(nextWorkflow('requestChanges', draft({ state, submittedBy: author, approvedBy: reviewer }), reviewer, NOW)).toEqual({
      state: 'draft',
      submittedBy: author,
      changesRequestedBy: reviewer,
      updatedAt: NOW.toISOString(),
    })
  })

  it('publish: the field is removed, so the next edit starts as a draft', () => {
    expect(nextWorkflow('publish', draft({ state: 'approved', approvedBy: reviewer }), reviewer, NOW)).toBeUndefined()
  })

  const refusedRows: Array<[WorkflowAction, WorkflowState]> = [
    ['submit', 'inReview'],
    ['submit', 'approved'],
    ['approve', 'draft'],
    ['approve', 'approved'],
    ['requestChanges', 'draft'],
    ['publish', 'draft'],
    ['publish', 'inReview'],
  ]
  it.each(refusedRows)('%s cannot start from %s', (action, state) => {
    expect(() => nextWorkflow(action, draft({ state }), reviewer, NOW)).toThrow(`"${action}" cannot start from "${state}"`)
  })

  it('a document without workflow field is a draft that can be submitted', () => {
    expect(nextWorkflow('submit', { _id: 'drafts.x', _type: 'post', title: 'Sans état' }, author, NOW)?.state).toBe('inReview')
  })
})

describe('changes after approval', () => {
  const approvedDraft = (content: object) => {
    const submitted = { ...draft({ state: 'inReview', submittedBy: author }), ...content }
    return { ...submitted, workflow: nextWorkflow('approve', submitted, reviewer, NOW) }
  }

  it('approving does not count as a change', () => {
    expect(changedSinceApproval(approvedDraft({}))).toBe(false)
  })

  it('system fields (revision, update time) do not count as a change', () => {
    expect(changedSinceApproval({ ...approvedDraft({}), _rev: 'r9', _updatedAt: '2026-03-02T10:00:00Z' })).toBe(false)
  })

  it('the order of keys does not count as a change', () => {
    const document = approvedDraft({ seo: { title: 'A', description: 'B' } })
    expect(changedSinceApproval({ ...document, seo: { description: 'B', title: 'A' } })).toBe(false)
  })

  it.each([
    ['a changed title', { title: 'À propos de GPM' }],
    ['a new field', { excerpt: 'Nouveau' }],
    ['a nested change', { slug: { _type: 'slug', current: 'a-propos-de-gpm' } }],
    ['a removed field', { slug: undefined }],
  ])('%s counts as a change', (_label, change) => {
    expect(changedSinceApproval({ ...approvedDraft({}), ...change })).toBe(true)
  })

  it('a draft that was never approved has not changed since approval', () => {
    expect(changedSinceApproval(draft({ state: 'inReview' }))).toBe(false)
  })
})

describe('content fingerprint', () => {
  it('is the same for the same content and differs for other content', () => {
    expect(contentFingerprint({ title: 'a', n: [1, { b: 2, a: 1 }] })).toBe(contentFingerprint({ n: [1, { a: 1, b: 2 }], title: 'a' }))
    expect(contentFingerprint({ title: 'a' })).not.toBe(contentFingerprint({ title: 'b' }))
    expect(contentFingerprint({ list: [1, 2] })).not.toBe(contentFingerprint({ list: [2, 1] }))
    expect(contentFingerprint({ title: 'a' })).toMatch(/^[0-9a-f]{14}$/)
  })
})

describe('document badge', () => {
  it.each([
    ['no draft', null, undefined],
    ['a draft without state', draft(), { label: 'Brouillon', color: undefined }],
    ['a draft sent back', draft({ state: 'draft', changesRequestedBy: reviewer }), { label: 'Brouillon', color: undefined }],
    ['a draft in review', draft({ state: 'inReview', submittedBy: author }), { label: 'En relecture', color: 'warning' }],
  ])('%s', (_label, document, expected) => {
    const badge = workflowBadge(document)
    expect(badge && { label: badge.label, color: badge.color }).toEqual(expected)
  })

  it('names who sent the document back and who submitted it', () => {
    expect(workflowBadge(draft({ state: 'draft', changesRequestedBy: reviewer }))?.title).toContain(reviewer.name)
    expect(workflowBadge(draft({ state: 'inReview', submittedBy: author }))?.title).toContain(author.name)
  })

  it('an approved draft is green until it is edited again', () => {
    const submitted = draft({ state: 'inReview', submittedBy: author })
    const approved = { ...submitted, workflow: nextWorkflow('approve', submitted, reviewer, NOW) }
    expect(workflowBadge(approved)).toMatchObject({ label: 'Approuvé', color: 'success' })
    expect(workflowBadge(approved)?.title).toContain(reviewer.name)
    expect(workflowBadge({ ...approved, title: 'Modifié' })).toMatchObject({ label: 'Approuvé, puis modifié', color: 'danger' })
  })
})

describe('desk lists « À relire » and « Approuvés »', () => {
  const dataset = [
    { _id: 'drafts.page-a', _type: 'page', workflow: { state: 'inReview' } },
    { _id: 'drafts.formation-b', _type: 'formation', workflow: { state: 'inReview' } },
    { _id: 'drafts.post-c', _type: 'post', workflow: { state: 'approved' } },
    { _id: 'drafts.membership-d', _type: 'membership', workflow: { state: 'draft' } },
    { _id: 'home', _type: 'home' },
    { _id: 'drafts.home', _type: 'home', workflow: { state: 'approved' } },
    // Not a workflow type: never listed, whatever it holds.
    { _id: 'drafts.person-e', _type: 'person', workflow: { state: 'inReview' } },
    { _id: 'page-f', _type: 'page' },
  ]

  async function listed(state: WorkflowState): Promise<string[]> {
    const query = `*[${WORKFLOW_LIST_FILTER}]._id`
    const result = await (await evaluate(parse(query), { dataset, params: { types: [...WORKFLOW_DOCUMENT_TYPES], state } })).get()
    return (result as string[]).sort()
  }

  it.each([
    ['inReview', ['drafts.formation-b', 'drafts.page-a']],
    ['approved', ['drafts.home', 'drafts.post-c']],
  ] as const)('%s lists %j', async (state, ids) => {
    expect(await listed(state)).toEqual(ids)
  })
})
