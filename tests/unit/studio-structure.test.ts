import { evaluate, parse } from 'groq-js'
import { describe, expect, it } from 'vitest'
import { CONTENT_DIR, type DatasetDocument, publishedId, readDataset } from '../../scripts/content/check-dataset'
import { formationIdsFromResult, PAST_FORMATIONS_QUERY, UPCOMING_FORMATIONS_QUERY } from '../../studio/formationLists'

interface Session { start?: string }

/** The Studio lists documents as edited: each draft replaces its published version, under the published id. */
function draftsPerspective(documents: DatasetDocument[]): DatasetDocument[] {
  const byId = new Map<string, DatasetDocument>()
  for (const document of documents) {
    const id = publishedId(document._id)
    if (document._id.startsWith('drafts.') || !byId.has(id)) byId.set(id, { ...document, _id: id })
  }
  return [...byId.values()]
}

const NOW = new Date('2026-12-01T12:00:00Z')
const dataset = draftsPerspective(readDataset(CONTENT_DIR))
const formations = dataset.filter(document => document._type === 'formation')
const startsOf = (formation: DatasetDocument) => ((formation.sessions ?? []) as Session[])
  .map(session => Date.parse(session.start ?? ''))
  .filter(time => !Number.isNaN(time))

async function run(query: string): Promise<string[]> {
  const result = await (await evaluate(parse(query), { dataset, timestamp: NOW })).get()
  return formationIdsFromResult(result)
}

describe('Studio desk structure: formations', () => {
  it('« À venir »: formations with a session after now, soonest next session first', async () => {
    const expected = formations
      .map(formation => ({ id: formation._id, next: Math.min(...startsOf(formation).filter(time => time > NOW.getTime())) }))
      .filter(entry => Number.isFinite(entry.next))
      .sort((a, b) => a.next - b.next)
      .map(entry => entry.id)
    expect(expected.length).toBeGreaterThan(1)
    expect(await run(UPCOMING_FORMATIONS_QUERY)).toEqual(expected)
  })

  it('« Passées »: formations whose sessions are all past, latest first', async () => {
    const expected = formations
      .filter(formation => startsOf(formation).length > 0 && startsOf(formation).every(time => time <= NOW.getTime()))
      .sort((a, b) => Math.max(...startsOf(b)) - Math.max(...startsOf(a)))
      .map(formation => formation._id)
    expect(expected.length).toBeGreaterThan(1)
    expect(await run(PAST_FORMATIONS_QUERY)).toEqual(expected)
  })

  it('splits the catalogue: no formation is both upcoming and past', async () => {
    const upcoming = await run(UPCOMING_FORMATIONS_QUERY)
    const past = await run(PAST_FORMATIONS_QUERY)
    expect(upcoming.filter(id => past.includes(id))).toEqual([])
    const withSessions = formations.filter(formation => startsOf(formation).length > 0).map(formation => formation._id)
    expect([...upcoming, ...past].sort()).toEqual(withSessions.sort())
  })

  it('every formation is « Passées » once its last session has started', async () => {
    const afterLastSession = new Date(Math.max(...formations.flatMap(startsOf)) + 1000)
    const list = async (query: string) => formationIdsFromResult(await (await evaluate(parse(query), { dataset, timestamp: afterLastSession })).get())
    expect(await list(UPCOMING_FORMATIONS_QUERY)).toEqual([])
    expect((await list(PAST_FORMATIONS_QUERY)).sort()).toEqual(formations.filter(formation => startsOf(formation).length > 0).map(formation => formation._id).sort())
  })

  it.each([
    [[{ _id: 'formation-a' }, { _id: 'drafts.formation-b' }], ['formation-a', 'formation-b']],
    [[{ _id: 'drafts.formation-a' }, { _id: 'formation-a' }], ['formation-a']],
    [[{ _id: 42 }, null, { title: 'sans id' }], []],
    [null, []],
  ])('opens the published id of each row: %j', (rows, ids) => {
    expect(formationIdsFromResult(rows)).toEqual(ids)
  })
})
