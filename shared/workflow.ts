/**
 * The editorial workflow (issue 3, item 6): draft → in review → approved →
 * published. Publishing itself is Sanity's own publish; this module only
 * decides who may move a document's pending changes from which state to
 * which, and what the `workflow` field holds afterwards.
 *
 * Plain TypeScript, no `sanity` import: the Studio's document actions, badges
 * and previews use it, and the site's API can reuse it to report states.
 */

export const WORKFLOW_STATES = ['draft', 'inReview', 'approved'] as const
export type WorkflowState = (typeof WORKFLOW_STATES)[number]

/** Document types whose changes go through review before they are published. */
export const WORKFLOW_DOCUMENT_TYPES = ['page', 'formation', 'post', 'membership', 'home'] as const

/**
 * Sanity roles (`currentUser.roles[].name`) allowed to approve and to send a
 * document back: the project administrators and the two custom roles the
 * association creates in sanity.io/manage.
 */
export const APPROVER_ROLES = ['administrator', 'editor-in-chief', 'reviewer'] as const

export const WORKFLOW_STATE_LABELS: Readonly<Record<WorkflowState, string>> = {
  draft: 'Brouillon',
  inReview: 'En relecture',
  approved: 'Approuvé',
}

export const WORKFLOW_ACTION_LABELS = {
  submit: 'Soumettre pour relecture',
  approve: 'Approuver',
  requestChanges: 'Demander des modifications',
  publish: 'Publier',
} as const

export type WorkflowAction = keyof typeof WORKFLOW_ACTION_LABELS

export interface WorkflowUser {
  id: string
  name: string
}

/** The `workflow` field of a document: the state of its pending changes. */
export interface Workflow {
  state?: WorkflowState
  submittedBy?: WorkflowUser
  approvedBy?: WorkflowUser
  changesRequestedBy?: WorkflowUser
  /** Fingerprint of the content the reviewer approved (see `contentFingerprint`). */
  approvedFingerprint?: string
  /** ISO 8601 time of the last transition. */
  updatedAt?: string
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export function isWorkflowState(value: unknown): value is WorkflowState {
  return typeof value === 'string' && (WORKFLOW_STATES as readonly string[]).includes(value)
}

export function isWorkflowDocumentType(type: unknown): boolean {
  return typeof type === 'string' && (WORKFLOW_DOCUMENT_TYPES as readonly string[]).includes(type)
}

/**
 * State of a document's pending changes. A document without a (valid)
 * `workflow.state` is a draft: new documents, drafts started from a published
 * document (publishing clears the field) and the documents of the embedded
 * dataset, which predate the workflow.
 */
export function workflowStateOf(document: unknown): WorkflowState {
  const workflow = isRecord(document) ? document.workflow : undefined
  const state = isRecord(workflow) ? workflow.state : undefined
  return isWorkflowState(state) ? state : 'draft'
}

/** The label of an explicitly stored state for list previews, nothing when no state is stored. */
export function workflowPreviewLabel(state: unknown): string | undefined {
  return isWorkflowState(state) ? WORKFLOW_STATE_LABELS[state] : undefined
}

export function canApprove(roles: readonly string[]): boolean {
  return roles.some(role => (APPROVER_ROLES as readonly string[]).includes(role))
}

/** What the Studio knows when it decides whether an action is offered. */
export interface WorkflowSituation {
  state: WorkflowState
  /** A draft exists: there are unpublished changes to review. */
  hasChanges: boolean
  /** Validation is still running on the latest edit. */
  validating: boolean
  /** The draft breaks a rule marked as an error (it could not be published). */
  hasErrors: boolean
  /** Names of the current user's Sanity roles. */
  roles: readonly string[]
  /** The content differs from what the reviewer approved. */
  changedSinceApproval: boolean
}

export interface WorkflowDecision {
  /** Whether the action appears at all. */
  visible: boolean
  /** Whether it can be run now. */
  allowed: boolean
  /** Why it cannot be run, for the editor (tooltip of the disabled button). */
  reason?: string
}

export const WORKFLOW_REASONS = {
  validating: 'Vérification du document en cours…',
  hasErrors: 'Corrigez d’abord les erreurs signalées dans le formulaire.',
  notApprover: 'Seuls les relecteurs (rôles administrateur, rédacteur en chef ou relecteur) peuvent approuver.',
  notSubmitted: 'Soumettez d’abord le document pour relecture : il doit être approuvé avant d’être publié.',
  awaitingApproval: 'Le document attend l’approbation d’un relecteur.',
  changedSinceApproval: 'Le contenu a changé depuis son approbation : soumettez-le de nouveau pour relecture.',
} as const

const hidden: WorkflowDecision = { visible: false, allowed: false }
const allowed: WorkflowDecision = { visible: true, allowed: true }
const refused = (reason: string): WorkflowDecision => ({ visible: true, allowed: false, reason })

/** A document that breaks a rule, or is still being checked, goes nowhere. */
function validationRefusal(situation: WorkflowSituation): WorkflowDecision | undefined {
  if (situation.validating) return refused(WORKFLOW_REASONS.validating)
  if (situation.hasErrors) return refused(WORKFLOW_REASONS.hasErrors)
  return undefined
}

/**
 * Whether `action` is offered, and allowed, in `situation`. Actions only act
 * on unpublished changes: without a draft none is offered (the Studio shows
 * the document as published).
 */
export function decideWorkflowAction(action: WorkflowAction, situation: WorkflowSituation): WorkflowDecision {
  if (!situation.hasChanges) return hidden
  const { state } = situation
  switch (action) {
    case 'submit':
      if (state !== 'draft') return hidden
      return validationRefusal(situation) ?? allowed
    case 'approve':
      if (state !== 'inReview') return hidden
      if (!canApprove(situation.roles)) return refused(WORKFLOW_REASONS.notApprover)
      return validationRefusal(situation) ?? allowed
    case 'requestChanges':
      // Only reviewers send a document back; the author keeps editing meanwhile.
      if (state === 'draft' || !canApprove(situation.roles)) return hidden
      return allowed
    case 'publish':
      if (state === 'draft') return refused(WORKFLOW_REASONS.notSubmitted)
      if (state === 'inReview') return refused(WORKFLOW_REASONS.awaitingApproval)
      if (situation.changedSinceApproval) return refused(WORKFLOW_REASONS.changedSinceApproval)
      // The Studio's own publish action still checks validation and permissions.
      return validationRefusal(situation) ?? allowed
  }
}

/** States each action starts from; anything else is a programming error. */
const FROM_STATES: Readonly<Record<WorkflowAction, readonly WorkflowState[]>> = {
  submit: ['draft'],
  approve: ['inReview'],
  requestChanges: ['inReview', 'approved'],
  publish: ['approved'],
}

function workflowOf(document: unknown): Workflow {
  return isRecord(document) && isRecord(document.workflow) ? (document.workflow as Workflow) : {}
}

/**
 * The `workflow` field after `action` by `user` on `document` (the draft), or
 * `undefined` when the field is to be removed: publishing clears it, so the
 * next round of changes starts as a draft. Throws when the action does not
 * start from the document's state.
 */
export function nextWorkflow(action: WorkflowAction, document: unknown, user: WorkflowUser, now: Date): Workflow | undefined {
  const state = workflowStateOf(document)
  if (!FROM_STATES[action].includes(state)) {
    throw new Error(`workflow: "${action}" cannot start from "${state}"`)
  }
  const current = workflowOf(document)
  const updatedAt = now.toISOString()
  switch (action) {
    case 'submit':
      return { state: 'inReview', submittedBy: user, updatedAt }
    case 'approve':
      return {
        state: 'approved',
        ...(current.submittedBy ? { submittedBy: current.submittedBy } : {}),
        approvedBy: user,
        approvedFingerprint: contentFingerprint(document),
        updatedAt,
      }
    case 'requestChanges':
      return {
        state: 'draft',
        ...(current.submittedBy ? { submittedBy: current.submittedBy } : {}),
        changesRequestedBy: user,
        updatedAt,
      }
    case 'publish':
      return undefined
  }
}

/** Whether the draft changed since it was approved; false when it was never approved. */
export function changedSinceApproval(document: unknown): boolean {
  const workflow = workflowOf(document)
  if (workflowStateOf(document) !== 'approved') return false
  return workflow.approvedFingerprint !== contentFingerprint(document)
}

/** JSON with object keys sorted, so the same content always gives the same text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(item => stableJson(item ?? null)).join(',')}]`
  if (isRecord(value)) {
    const entries = Object.keys(value)
      .filter(key => value[key] !== undefined)
      .sort()
      .map(key => `${JSON.stringify(key)}:${stableJson(value[key])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/** cyrb53: a fast 53-bit string hash (public domain), enough to notice an edit. */
function hash53(text: string): string {
  let h1 = 0xDEADBEEF
  let h2 = 0x41C6CE57
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0')
}

/**
 * Fingerprint of what an editor wrote: every field but the system fields
 * (`_id`, `_rev`, `_updatedAt`…) and the workflow itself, which change when
 * the document is approved without its content changing.
 */
export function contentFingerprint(document: unknown): string {
  if (!isRecord(document)) return hash53('null')
  const content = Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_') && key !== 'workflow'))
  return hash53(stableJson(content))
}

export type WorkflowBadgeColor = 'primary' | 'success' | 'warning' | 'danger'

export interface WorkflowBadge {
  label: string
  title: string
  color?: WorkflowBadgeColor
}

function byWhom(prefix: string, user: WorkflowUser | undefined): string {
  return user?.name ? `${prefix} par ${user.name}` : prefix
}

/**
 * The badge of the document header: the state of the pending changes, none
 * when nothing is pending (Sanity already shows « Publié »).
 */
export function workflowBadge(draft: unknown): WorkflowBadge | undefined {
  if (!isRecord(draft)) return undefined
  const workflow = workflowOf(draft)
  switch (workflowStateOf(draft)) {
    case 'draft':
      return {
        label: WORKFLOW_STATE_LABELS.draft,
        title: workflow.changesRequestedBy
          ? `${byWhom('Modifications demandées', workflow.changesRequestedBy)} : corrigez puis soumettez de nouveau.`
          : 'Modifications non soumises pour relecture.',
      }
    case 'inReview':
      return { label: WORKFLOW_STATE_LABELS.inReview, title: `${byWhom('Soumis', workflow.submittedBy)}, en attente d’approbation.`, color: 'warning' }
    case 'approved':
      return changedSinceApproval(draft)
        ? { label: 'Approuvé, puis modifié', title: WORKFLOW_REASONS.changedSinceApproval, color: 'danger' }
        : { label: WORKFLOW_STATE_LABELS.approved, title: `${byWhom('Approuvé', workflow.approvedBy)} : prêt à publier.`, color: 'success' }
  }
}

/**
 * GROQ filter of the desk lists « À relire » and « Approuvés »: documents of
 * the workflow types whose pending changes are in `$state`. Only drafts carry
 * a state (publishing clears it).
 */
export const WORKFLOW_LIST_FILTER = /* groq */ `_type in $types && workflow.state == $state`
