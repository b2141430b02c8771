/**
 * The contact messages inbox (`submissions.read`, `submissions.update`): list,
 * mark handled or spam, export. Read as the acting member through row-level
 * security; request metadata (user agent, IP hash) never leaves the database.
 */
import { z } from 'zod'
import { SUBMISSION_STATUS_LABELS, SUBMISSION_STATUSES, type SubmissionStatus } from '../../shared/staff'
import type { Database } from '../database/client'
import { apiError } from './api-error'
import { csvDate, toCsv } from './csv'
import { type Page, type Pagination, pageWindow, paginationQuery } from './pagination'
import { assertPermission, asStaff, recordStaffAction, type StaffUser } from './staff-access'

const status = z.enum(SUBMISSION_STATUSES, { error: 'Statut inconnu : new, handled ou spam.' })

export const submissionFilterQuery = z.object({ status: status.optional() })
export const submissionListQuery = paginationQuery.extend(submissionFilterQuery.shape)
export const submissionUpdateBody = z.object({ status })

export interface SubmissionSummary {
  id: string
  form: string
  name: string
  email: string
  subject: string | null
  message: string
  page_path: string | null
  status: SubmissionStatus
  handled_by: string | null
  handled_at: Date | null
  created_at: Date
}

const COLUMNS = 'id, form, name, email, subject, message, page_path, status, handled_by, handled_at, created_at'
/** An export is one file for a person to open: bounded so it stays one. */
const EXPORT_LIMIT = 50_000

export async function listSubmissions(
  db: Database, actor: StaffUser, query: Pagination & { status?: SubmissionStatus },
): Promise<Page<SubmissionSummary>> {
  assertPermission(actor, 'submissions.read')
  const { limit, offset } = pageWindow(query)
  return asStaff(db, actor, async (tx) => {
    const filter = [query.status ?? null]
    const [count] = await tx.query<{ total: number }>('select count(*)::int as total from public.form_submissions where ($1::text is null or status = $1)', filter)
    const items = await tx.query<SubmissionSummary>(
      `select ${COLUMNS} from public.form_submissions where ($1::text is null or status = $1) order by created_at desc, id limit $2 offset $3`,
      [...filter, limit, offset],
    )
    return { items, page: query.page, page_size: query.page_size, total: count?.total ?? 0 }
  })
}

/**
 * Sets a message's status. Handled or spam records who and when; back to new
 * clears both.
 */
export async function updateSubmissionStatus(db: Database, actor: StaffUser, id: string, next: SubmissionStatus): Promise<SubmissionSummary> {
  assertPermission(actor, 'submissions.update')
  return asStaff(db, actor, async (tx) => {
    const [before] = await tx.query<{ status: SubmissionStatus }>('select status from public.form_submissions where id = $1', [id])
    if (!before) throw apiError(404, 'not_found', 'Message introuvable.')
    const [updated] = await tx.query<SubmissionSummary>(`
      update public.form_submissions
      set status = $2,
        handled_by = case when $2 = 'new' then null else $3::uuid end,
        handled_at = case when $2 = 'new' then null else now() end
      where id = $1
      returning ${COLUMNS}
    `, [id, next, actor.id])
    // Visible but not updatable: the policies refused (no submissions.update).
    if (!updated) throw apiError(403, 'forbidden', 'Vous n’avez pas l’autorisation de traiter ce message.')
    await recordStaffAction(tx, { actorId: actor.id, action: 'submissions.update', targetType: 'form_submission', targetId: id, detail: { from: before.status, to: next } })
    return updated
  })
}

/** The inbox as a CSV file for Excel (see csv.ts); the export itself is audited. */
export async function exportSubmissions(db: Database, actor: StaffUser, filter: { status?: SubmissionStatus }): Promise<{ csv: string, count: number }> {
  assertPermission(actor, 'submissions.read')
  return asStaff(db, actor, async (tx) => {
    const rows = await tx.query<SubmissionSummary>(
      `select ${COLUMNS} from public.form_submissions where ($1::text is null or status = $1) order by created_at desc, id limit $2`,
      [filter.status ?? null, EXPORT_LIMIT],
    )
    await recordStaffAction(tx, { actorId: actor.id, action: 'submissions.export', targetType: 'form_submission', detail: { status: filter.status ?? null, count: rows.length } })
    const csv = toCsv(
      ['Reçu le', 'Nom', 'E-mail', 'Sujet', 'Message', 'Page', 'Statut', 'Traité le'],
      rows.map(row => [csvDate(new Date(row.created_at)), row.name, row.email, row.subject, row.message, row.page_path, SUBMISSION_STATUS_LABELS[row.status], row.handled_at ? csvDate(new Date(row.handled_at)) : null]),
    )
    return { csv, count: rows.length }
  })
}
