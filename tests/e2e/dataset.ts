/**
 * Facts about the embedded dataset, read from content/data.ndjson so the
 * end-to-end tests follow the content instead of hard-coding it.
 */
import { readFileSync } from 'node:fs'
import { isHelloAssoUrl } from '../../shared/helloasso'
import { sessionStatus, type SessionLike } from '../../shared/formation'

export const DRAFT_MARKER = 'BROUILLON-7F3A'

interface Session extends SessionLike { _key: string, registrationUrl?: string }
interface Formation { _id: string, title: string, slug?: { current: string }, category?: { _ref: string }, sessions?: Session[] }
interface Category { _id: string, title: string, slug: { current: string } }

const documents = readFileSync(new URL('../../content/data.ndjson', import.meta.url), 'utf8')
  .trim().split('\n').map(line => JSON.parse(line) as { _id: string, _type: string } & Record<string, unknown>)
const published = documents.filter(document => !document._id.startsWith('drafts.'))

export const formations = published.filter(document => document._type === 'formation') as unknown as Formation[]
export const categories = published.filter(document => document._type === 'category') as unknown as Category[]

const now = new Date()
const openSessions = (formation: Formation) => (formation.sessions ?? []).filter(session => sessionStatus(session, now) === 'open')

/** A formation with an open session whose URL passes the HelloAsso rule. */
export function formationWithOpenRegistration() {
  for (const formation of formations) {
    const session = openSessions(formation).find(candidate => isHelloAssoUrl(candidate.registrationUrl, { organization: 'gpm' }))
    if (session) return { formation, session }
  }
  throw new Error('dataset has no formation open for registration')
}

export function categoryWithFormations() {
  const counts = categories.map(category => ({ category, count: formations.filter(formation => formation.category?._ref === category._id).length }))
  const chosen = counts.filter(entry => entry.count > 0 && entry.count < formations.length)[0]
  if (!chosen) throw new Error('dataset has no category with some (not all) formations')
  return chosen
}

export const upcomingFormationCount = (categoryId?: string) => formations
  .filter(formation => !categoryId || formation.category?._ref === categoryId)
  .filter(formation => (formation.sessions ?? []).some(session => session.start && new Date(session.start) > now)).length
