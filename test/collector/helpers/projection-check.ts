import { expect } from 'vitest'
import type { CairnEvent } from '@cairn/protocol'
import { project } from '../../../packages/collector/src/storage/projections.ts'

type Query = <T>(text: string, params?: readonly unknown[]) => Promise<T[]>
const ms = (column: string) => `round(extract(epoch from ${column}) * 1000)::float8`

const byKey = <T>(rows: T[], key: (row: T) => string) => new Map(rows.map((row) => [key(row), row]))

/**
 * Recomputes every projection table from the stored events with the collector's own pure folding
 * (`project`) and checks the tables say the same, row for row: event counts, flow state, checklist
 * ticks, survey responses, milestones (per actor and once per person), identities, actors, users.
 * What concurrency, crashes or retries could have double-counted or lost shows up as a difference.
 * @returns the number of stored events.
 */
export async function expectProjectionsMatchEvents(query: Query, projectId: string): Promise<number> {
  const events = await query<{ data: CairnEvent; ts: number }>(`SELECT data, ${ms('ts')} AS ts FROM events WHERE project_id = $1`, [projectId])
  const p = project(events.map((row) => ({ event: row.data, ts: row.ts })))
  const where = 'WHERE project_id = $1'

  const counts = await query<{ a: string; u: string; n: string; c: number; last: number }>(
    `SELECT anonymous_id a, user_id u, name n, count c, ${ms('last_at')} "last" FROM event_counts ${where}`, [projectId])
  expect(byKey(counts, (r) => `${r.a}|${r.u}|${r.n}`)).toEqual(byKey(p.counts, (r) => `${r.a}|${r.u}|${r.n}`))

  const flows = await query<Record<string, unknown>>(
    `SELECT anonymous_id a, user_id u, flow_id f, shown_count shown, ${ms('shown_at')} "shownAt", ${ms('completed_at')} "completedAt",
      ${ms('dismissed_at')} "dismissedAt", ${ms('held_out_at')} "heldOutAt", step, ${ms('step_at')} "stepAt" FROM flow_states ${where}`, [projectId])
  expect(byKey(flows, (r) => `${r.a}|${r.u}|${r.f}`)).toEqual(byKey(p.flowStates, (r) => `${r.a}|${r.u}|${r.f}`))

  const steps = await query<{ a: string; u: string; f: string; s: string; at: number }>(
    `SELECT anonymous_id a, user_id u, flow_id f, step_id s, ${ms('reached_at')} "at" FROM flow_steps ${where}`, [projectId])
  expect(byKey(steps, (r) => `${r.a}|${r.u}|${r.f}|${r.s}`)).toEqual(byKey(p.flowSteps, (r) => `${r.a}|${r.u}|${r.f}|${r.s}`))

  const answers = await query<Record<string, unknown>>(
    `SELECT anonymous_id a, user_id u, flow_id f, submission_id sub, question_id q, question_type qt, scale, event_id::text id, answer, other, final,
      ${ms('answered_at')} "at" FROM survey_responses ${where}`, [projectId])
  expect(byKey(answers, (r) => `${r.f}|${r.sub}|${r.q}`)).toEqual(byKey(p.answers, (r) => `${r.f}|${r.sub}|${r.q}`))

  const milestones = await query<{ a: string; u: string; n: string; at: number }>(
    `SELECT anonymous_id a, user_id u, name n, ${ms('reached_at')} "at" FROM milestones ${where}`, [projectId])
  expect(byKey(milestones, (r) => `${r.a}|${r.u}|${r.n}`)).toEqual(byKey(p.milestones, (r) => `${r.a}|${r.u}|${r.n}`))

  const identities = await query<{ a: string; u: string; at: number }>(
    `SELECT anonymous_id a, user_id u, ${ms('linked_at')} "at" FROM identities ${where}`, [projectId])
  expect(byKey(identities, (r) => `${r.a}|${r.u}`)).toEqual(byKey(p.identities, (r) => `${r.a}|${r.u}`))

  const actors = await query<{ a: string; u: string; first: number; last: number }>(
    `SELECT anonymous_id a, user_id u, ${ms('first_seen')} "first", ${ms('last_seen')} "last" FROM actors ${where}`, [projectId])
  expect(byKey(actors, (r) => `${r.a}|${r.u}`)).toEqual(byKey(p.actors, (r) => `${r.a}|${r.u}`))

  const users = await query<{ u: string; first: number; last: number; traits: object }>(
    `SELECT user_id u, ${ms('first_seen')} "first", ${ms('last_seen')} "last", traits FROM users ${where}`, [projectId])
  expect(byKey(users, (r) => r.u)).toEqual(byKey(p.users.map(({ traitTimes: _, traits, ...rest }) => ({ ...rest, traits: { ...traits } })), (r) => r.u))

  // Once per person: the person of an actor is its user id, else the first user its anonymous id was
  // linked to, else the anonymous id; each person's earliest time per milestone.
  const firstLink = new Map<string, { u: string; at: number }>()
  for (const link of p.identities) {
    const seen = firstLink.get(link.a)
    if (!seen || link.at < seen.at || (link.at === seen.at && link.u < seen.u)) firstLink.set(link.a, link)
  }
  const perPerson = new Map<string, number>()
  for (const m of p.milestones) {
    const person = m.u || firstLink.get(m.a)?.u || `anon:${m.a}`
    const key = `${person}|${m.n}`
    perPerson.set(key, Math.min(perPerson.get(key) ?? Infinity, m.at))
  }
  const perPersonRows = await query<{ person: string; name: string; at: number }>(
    `SELECT person, name, ${ms('reached_at')} "at" FROM user_milestones ${where}`, [projectId])
  expect(new Map(perPersonRows.map((r) => [`${r.person}|${r.name}`, r.at]))).toEqual(perPerson)
  return events.length
}
