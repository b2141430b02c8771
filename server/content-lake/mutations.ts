/**
 * Sanity's mutation format applied to the embedded dataset, in memory: what
 * `POST /v<date>/data/mutate/<dataset>` does on the Content Lake, for the
 * mutations @sanity/client sends (`create`, `createOrReplace`,
 * `createIfNotExists`, `delete`, `patch` with `set`, `setIfMissing`, `unset`,
 * `inc`, `dec`, `insert`). A transaction is all or nothing. Paths are the
 * subset of JSONMatch editors' tools produce: `a.b`, `a[2]`, `a[-1]`,
 * `a[_key=="k"]`. Nothing is ever written back to content/: a restart serves
 * the shipped dataset again.
 */
import type { SanityDocument } from './dataset'

export class MutationError extends Error {
  constructor(readonly status: number, message: string, readonly type = 'mutationError') {
    super(message)
  }
}

export type MutationOperation = 'create' | 'update' | 'delete'

export interface MutationResult {
  id: string
  operation: MutationOperation
  document?: SanityDocument
}

export interface MutationOptions {
  transactionId: string
  /** ISO time stamped on `_updatedAt` (and `_createdAt` of new documents). */
  now: string
  /** New ids for `create` without `_id` (Sanity generates one). */
  generateId?: () => string
}

type PathSegment = { key: string } | { index: number } | { keyMatch: string }
type Container = Record<string, unknown> | unknown[]

const SEGMENT = /^(?:\.?([A-Za-z_$][\w$-]*)|\[(-?\d+)\]|\[\s*_key\s*==\s*(?:"([^"]*)"|'([^']*)')\s*\])/

/** `sessions[_key=="a"].capacity` → [{ key: 'sessions' }, { keyMatch: 'a' }, { key: 'capacity' }] */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = []
  let rest = path.trim()
  while (rest) {
    const match = SEGMENT.exec(rest)
    if (!match || (segments.length === 0 && rest.startsWith('.'))) {
      throw new MutationError(400, `Unsupported path "${path}"`, 'invalidPath')
    }
    if (match[1] !== undefined) segments.push({ key: match[1] })
    else if (match[2] !== undefined) segments.push({ index: Number(match[2]) })
    else segments.push({ keyMatch: match[3] ?? match[4] ?? '' })
    rest = rest.slice(match[0].length)
  }
  if (!segments.length) throw new MutationError(400, 'Empty path', 'invalidPath')
  return segments
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Position of a segment inside `container`, or undefined when it selects nothing there. */
function locate(container: Container, segment: PathSegment): string | number | undefined {
  if ('key' in segment) return isRecord(container) ? segment.key : undefined
  if (!Array.isArray(container)) return undefined
  if ('index' in segment) {
    const index = segment.index < 0 ? container.length + segment.index : segment.index
    return index >= 0 && index < container.length ? index : undefined
  }
  const index = container.findIndex(item => isRecord(item) && item._key === segment.keyMatch)
  return index === -1 ? undefined : index
}

const read = (container: Container, at: string | number) => (container as Record<string | number, unknown>)[at]
const write = (container: Container, at: string | number, value: unknown) => {
  (container as Record<string | number, unknown>)[at] = value
}

/**
 * The container holding the last segment of `path`. Missing objects along
 * attribute segments are created when `create` is set (as `set` does); an
 * array selector that matches nothing makes the whole operation a no-op.
 */
function parentOf(document: SanityDocument, segments: PathSegment[], create: boolean): { container: Container, last: PathSegment } | undefined {
  let container: Container = document
  for (const segment of segments.slice(0, -1)) {
    const at = locate(container, segment)
    if (at === undefined) return undefined
    let child = read(container, at)
    if (child === undefined || child === null) {
      if (!create || !('key' in segment)) return undefined
      child = {}
      write(container, at, child)
    }
    if (typeof child !== 'object') return undefined
    container = child as Container
  }
  return { container, last: segments.at(-1)! }
}

function setAt(document: SanityDocument, path: string, value: unknown, onlyIfMissing: boolean) {
  const target = parentOf(document, parsePath(path), true)
  if (!target) return
  const at = locate(target.container, target.last)
  if (at === undefined) return
  if (onlyIfMissing && read(target.container, at) !== undefined) return
  write(target.container, at, structuredClone(value))
}

function unsetAt(document: SanityDocument, path: string) {
  const target = parentOf(document, parsePath(path), false)
  if (!target) return
  const at = locate(target.container, target.last)
  if (at === undefined) return
  if (Array.isArray(target.container)) target.container.splice(at as number, 1)
  else Reflect.deleteProperty(target.container, at)
}

function addAt(document: SanityDocument, path: string, amount: unknown) {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) throw new MutationError(400, `inc/dec on "${path}" needs a number`)
  const target = parentOf(document, parsePath(path), false)
  if (!target) return
  const at = locate(target.container, target.last)
  if (at === undefined) return
  const current = read(target.container, at)
  if (typeof current === 'number') write(target.container, at, current + amount)
}

interface InsertOperation {
  before?: string
  after?: string
  replace?: string
  items?: unknown
}

function insertAt(document: SanityDocument, insert: InsertOperation) {
  const position = (['before', 'after', 'replace'] as const).find(name => typeof insert[name] === 'string')
  if (!position || !Array.isArray(insert.items)) throw new MutationError(400, 'insert needs one of before/after/replace and an items array')
  const segments = parsePath(insert[position]!)
  const last = segments.at(-1)!
  if ('key' in last) throw new MutationError(400, `insert path "${insert[position]}" must end with an array selector`)
  const arrayPath = segments.slice(0, -1)
  const holder = arrayPath.length ? parentOf(document, arrayPath, false) : undefined
  const arrayAt = holder ? locate(holder.container, holder.last) : undefined
  const array = holder && arrayAt !== undefined ? read(holder.container, arrayAt) : undefined
  if (!Array.isArray(array)) return
  const items = structuredClone(insert.items)
  // Inserting around [-1] / [0] of an empty array is how clients append to one.
  const index = locate(array, last) ?? ('index' in last && array.length === 0 ? 0 : undefined)
  if (index === undefined) return
  const offset = array.length === 0 ? 0 : position === 'after' ? (index as number) + 1 : (index as number)
  array.splice(offset, position === 'replace' && array.length ? 1 : 0, ...items)
}

interface PatchOperation {
  id?: unknown
  ifRevisionID?: unknown
  set?: Record<string, unknown>
  setIfMissing?: Record<string, unknown>
  unset?: unknown
  inc?: Record<string, unknown>
  dec?: Record<string, unknown>
  insert?: InsertOperation
}

// Order in which the Content Lake applies the operations of one patch.
function applyPatch(document: SanityDocument, patch: PatchOperation) {
  for (const [path, value] of Object.entries(patch.set ?? {})) setAt(document, path, value, false)
  for (const [path, value] of Object.entries(patch.setIfMissing ?? {})) setAt(document, path, value, true)
  if (patch.unset !== undefined) {
    if (!Array.isArray(patch.unset) || !patch.unset.every(path => typeof path === 'string')) throw new MutationError(400, 'unset needs an array of paths')
    for (const path of patch.unset) unsetAt(document, path)
  }
  for (const [path, amount] of Object.entries(patch.inc ?? {})) addAt(document, path, amount)
  for (const [path, amount] of Object.entries(patch.dec ?? {})) addAt(document, path, typeof amount === 'number' ? -amount : amount)
  if (patch.insert) insertAt(document, patch.insert)
}

const SYSTEM_FIELDS = ['_id', '_type', '_rev', '_createdAt', '_updatedAt'] as const
const DOCUMENT_ID = /^[A-Za-z0-9_][\w.-]{0,127}$/

function checkDocument(value: unknown, needsId: boolean): Record<string, unknown> {
  if (!isRecord(value)) throw new MutationError(400, 'A document must be an object')
  if (needsId && (typeof value._id !== 'string' || !DOCUMENT_ID.test(value._id))) throw new MutationError(400, 'A document needs a valid _id')
  if (value._id !== undefined && (typeof value._id !== 'string' || !DOCUMENT_ID.test(value._id))) throw new MutationError(400, `Invalid document id "${String(value._id)}"`)
  if (typeof value._type !== 'string' || !value._type) throw new MutationError(400, 'A document needs a _type')
  return value
}

/**
 * Applies one transaction to `documents` (not modified) and returns the new
 * document list with one result per mutation; throws MutationError (nothing
 * applied) when any mutation is invalid or conflicts.
 */
export function applyMutations(documents: readonly SanityDocument[], mutations: unknown, options: MutationOptions): { documents: SanityDocument[], results: MutationResult[] } {
  if (!Array.isArray(mutations) || mutations.length === 0) throw new MutationError(400, 'Expected a non-empty "mutations" array')
  const byId = new Map(documents.map(document => [document._id, document]))
  const results: MutationResult[] = []
  const stamp = (document: Record<string, unknown>, created: string): SanityDocument =>
    ({ ...document, _id: String(document._id), _type: String(document._type), _createdAt: created, _updatedAt: options.now, _rev: options.transactionId })

  for (const mutation of mutations) {
    if (!isRecord(mutation) || Object.keys(mutation).length !== 1) throw new MutationError(400, 'Each mutation must have exactly one operation')
    const [operation, body] = Object.entries(mutation)[0]!
    switch (operation) {
      case 'create':
      case 'createOrReplace':
      case 'createIfNotExists': {
        const document = checkDocument(body, operation !== 'create')
        const id = (document._id as string | undefined) ?? options.generateId?.() ?? crypto.randomUUID()
        const existing = byId.get(id)
        if (existing && operation === 'create') throw new MutationError(409, `Document by ID "${id}" already exists`, 'documentAlreadyExistsError')
        if (existing && operation === 'createIfNotExists') {
          results.push({ id, operation: 'update', document: existing })
          break
        }
        const created = stamp({ ...structuredClone(document), _id: id }, existing?._createdAt as string ?? options.now)
        byId.set(id, created)
        results.push({ id, operation: existing ? 'update' : 'create', document: created })
        break
      }
      case 'delete': {
        if (!isRecord(body) || typeof body.id !== 'string') throw new MutationError(400, 'delete needs an id (queries are not supported here)')
        byId.delete(body.id)
        results.push({ id: body.id, operation: 'delete' })
        break
      }
      case 'patch': {
        if (!isRecord(body) || typeof body.id !== 'string') throw new MutationError(400, 'patch needs an id (queries are not supported here)')
        const existing = byId.get(body.id)
        if (!existing) throw new MutationError(404, `Document by ID "${body.id}" not found`, 'documentNotFoundError')
        if (body.ifRevisionID !== undefined && body.ifRevisionID !== existing._rev) {
          throw new MutationError(409, `Document "${body.id}" has unexpected revision ID ("${String(existing._rev)}"), expected "${String(body.ifRevisionID)}"`, 'conflictError')
        }
        const patched = structuredClone(existing)
        applyPatch(patched, body as PatchOperation)
        // A patch never changes what identifies the document.
        for (const field of SYSTEM_FIELDS) (patched as Record<string, unknown>)[field] = existing[field]
        const updated = stamp(patched, existing._createdAt as string ?? options.now)
        byId.set(body.id, updated)
        results.push({ id: body.id, operation: 'update', document: updated })
        break
      }
      default:
        throw new MutationError(400, `Unsupported mutation "${operation}"`)
    }
  }
  return { documents: [...byId.values()], results }
}
