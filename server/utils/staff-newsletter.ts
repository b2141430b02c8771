/**
 * Newsletter subscribers for staff (`newsletter.read`): list and export.
 * Token hashes and consent details stay in the database.
 */
import { z } from 'zod'
import { SUBSCRIPTION_STATUS_LABELS, SUBSCRIPTION_STATUSES, type SubscriptionStatus } from '../../shared/staff'
import type { Database } from '../database/client'
import { csvDate, toCsv } from './csv'
import { type Page, type Pagination, pageWindow, paginationQuery } from './pagination'
import { assertPermission, asStaff, recordStaffAction, type StaffUser } from './staff-access'

export const subscriberFilterQuery = z.object({
  status: z.enum(SUBSCRIPTION_STATUSES, { error: 'Statut inconnu : pending, confirmed ou unsubscribed.' }).optional(),
})
export const subscriberListQuery = paginationQuery.extend(subscriberFilterQuery.shape)

export interface SubscriberSummary {
  id: string
  email: string
  status: SubscriptionStatus
  source_path: string | null
  confirmed_at: Date | null
  unsubscribed_at: Date | null
  created_at: Date
}

const COLUMNS = 'id, email, status, source_path, confirmed_at, unsubscribed_at, created_at'
const EXPORT_LIMIT = 100_000

export async function listSubscribers(
  db: Database, actor: StaffUser, query: Pagination & { status?: SubscriptionStatus },
): Promise<Page<SubscriberSummary>> {
  assertPermission(actor, 'newsletter.read')
  const { limit, offset } = pageWindow(query)
  return asStaff(db, actor, async (tx) => {
    const filter = [query.status ?? null]
    const [count] = await tx.query<{ total: number }>('select count(*)::int as total from public.newsletter_subscriptions where ($1::text is null or status = $1)', filter)
    const items = await tx.query<SubscriberSummary>(
      `select ${COLUMNS} from public.newsletter_subscriptions where ($1::text is null or status = $1) order by created_at desc, id limit $2 offset $3`,
      [...filter, limit, offset],
    )
    return { items, page: query.page, page_size: query.page_size, total: count?.total ?? 0 }
  })
}

export async function exportSubscribers(db: Database, actor: StaffUser, filter: { status?: SubscriptionStatus }): Promise<{ csv: string, count: number }> {
  assertPermission(actor, 'newsletter.read')
  return asStaff(db, actor, async (tx) => {
    const rows = await tx.query<SubscriberSummary>(
      `select ${COLUMNS} from public.newsletter_subscriptions where ($1::text is null or status = $1) order by created_at desc, id limit $2`,
      [filter.status ?? null, EXPORT_LIMIT],
    )
    await recordStaffAction(tx, { actorId: actor.id, action: 'newsletter.export', targetType: 'newsletter_subscription', detail: { status: filter.status ?? null, count: rows.length } })
    const date = (value: Date | null) => value ? csvDate(new Date(value)) : null
    const csv = toCsv(
      ['E-mail', 'Statut', 'Inscrit le', 'Confirmé le', 'Désinscrit le', 'Page d’inscription'],
      rows.map(row => [row.email, SUBSCRIPTION_STATUS_LABELS[row.status], date(row.created_at), date(row.confirmed_at), date(row.unsubscribed_at), row.source_path]),
    )
    return { csv, count: rows.length }
  })
}
