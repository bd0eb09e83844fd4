import { expect, it } from 'vitest'
import type { CairnEvent, Flow } from '@cairn/protocol'
import { flowSource } from './helpers/app.ts'
import { batch, event } from './helpers/events.ts'
import { storeApp } from './helpers/store-app.ts'
import { describeStores } from './helpers/stores.ts'

// Tuesday 2026-12-01; W1 is the week of Monday 2026-11-16, W0 that of 2026-11-23 (the last complete one).
const NOW = Date.parse('2026-12-01T12:00:00Z')
const W1 = Date.parse('2026-11-18T12:00:00Z')
const W0 = Date.parse('2026-11-25T12:00:00Z')
const M = 60_000
/** When a, b and c signed up: in a week of their own, so their activation week 1 has ended by now. */
const SIGNED_UP = Date.parse('2026-11-01T12:00:00Z')
const FLOWS: Flow[] = [
  { id: 'nps', kind: 'survey', questions: [{ id: 'score', type: 'nps', prompt: 'Recommend us?' }, { id: 'why', type: 'text', prompt: 'Why?' }] },
  { id: 'welcome', kind: 'tour', holdout: 0.5, steps: [{ id: 'one', title: 'One' }, { id: 'two', title: 'Two' }] },
  { id: 'start', kind: 'checklist', title: 'Start', items: [{ id: 'board', title: 'Board', completeOn: { event: 'board_created' } }] },
  { id: 'news', kind: 'announcement', style: 'banner', title: 'New', body: 'Dark mode' },
]
const CONFIG = { projects: [{ id: 'test', writeKey: 'pk_test', secretKey: 'sk_test', milestones: ['activated'] }], rateLimit: false }

/**
 * Four people: a (pro, 80 seats, in "eu", Persian), b (free, 10, "us", English), c (pro, 20, Persian
 * on a regional tag, gone after W1), and z, an anonymous English visitor with no traits at all.
 */
function fixture(): CairnEvent[] {
  const who = (u: string) => (u === 'z' ? { anonymousId: 'z-anon' } : { anonymousId: `${u}-1`, userId: u })
  const locales: Record<string, string> = { a: 'fa', b: 'en-US', c: 'fa-IR', z: 'en' }
  const track = (u: string, ts: number, name = 'page_view') => event({ type: 'track', name, ts, locale: locales[u], ...who(u) } as never)
  const identify = (u: string, traits: Record<string, unknown>) => event({ type: 'identify', userId: u, traits, anonymousId: `${u}-1`, ts: SIGNED_UP, locale: locales[u] } as never)
  const flow = (u: string, type: string, flowId: string, more: Record<string, unknown> = {}) => event({ type, flowId, ts: W1 + M, ...who(u), ...more } as never)
  const answer = (u: string, questionId: string, value: unknown) =>
    event({ type: 'survey_answer', flowId: 'nps', submissionId: `s-${u}`, questionId, answer: value, final: questionId === 'why', ts: W0, ...who(u) } as never)
  return [
    identify('a', { plan: 'pro', company: { size: 80 }, segments: ['eu'], tags: ['beta'] }),
    identify('b', { plan: 'free', company: { size: 10 }, segments: ['us'] }),
    identify('c', { plan: 'pro', company: { size: 20 } }),
    ...['a', 'b', 'c', 'z'].map((u) => track(u, W1)),
    ...['a', 'b', 'z'].map((u) => track(u, W0)),
    // NPS: a 10 and c 9 (promoters), b 0 and z 5 (detractors).
    answer('a', 'score', 10), answer('a', 'why', 'عالی است'),
    answer('b', 'score', 0), answer('b', 'why', 'too slow'),
    answer('c', 'score', 9), answer('z', 'score', 5),
    ...['a', 'b', 'c', 'z'].map((u) => flow(u, 'flow_shown', 'nps')),
    // The tour: a and c are shown it, a completes it; b is held out.
    flow('a', 'flow_shown', 'welcome'), flow('c', 'flow_shown', 'welcome'), flow('b', 'flow_held_out', 'welcome'),
    flow('a', 'flow_step', 'welcome', { stepIndex: 0, stepId: 'one' }), flow('a', 'flow_step', 'welcome', { stepIndex: 1, stepId: 'two' }),
    flow('a', 'flow_completed', 'welcome'), flow('c', 'flow_step', 'welcome', { stepIndex: 0, stepId: 'one' }),
    // The checklist: shown to everyone, ticked by a and z.
    ...['a', 'b', 'c', 'z'].map((u) => flow(u, 'flow_shown', 'start')),
    flow('a', 'flow_step', 'start', { stepIndex: 0, stepId: 'board' }), flow('z', 'flow_step', 'start', { stepIndex: 0, stepId: 'board' }),
    // The announcement: seen by a and b, followed by b.
    flow('a', 'flow_shown', 'news'), flow('b', 'flow_shown', 'news'), flow('b', 'flow_step', 'news', { stepIndex: 0, stepId: 'cta' }),
    // The milestone: a (after the tour) and z.
    event({ type: 'milestone', name: 'activated', ts: W1 + 2 * M, ...who('a') }), event({ type: 'milestone', name: 'activated', ts: W1 + 2 * M, ...who('z') }),
  ]
}

describeStores('Filters on every results endpoint: where, locale, segment', (target) => {
  const suite = storeApp(target, { now: () => NOW, flows: flowSource(FLOWS), config: CONFIG }, async (t) => {
    expect(await (await t.post(batch(fixture(), { sentAt: NOW }))).json()).toMatchObject({ rejected: [] })
  })
  const RANGE = 'from=2026-11-16&to=2026-11-30'
  const get = async (path: string, filter: string) => {
    const res = await suite.get(`${path}${path.includes('?') ? '&' : '?'}${RANGE}${filter ? `&${filter}` : ''}`)
    expect(res.status, `${path} ${filter}`).toBe(200)
    return res.json()
  }
  /** A CSV answer's text after its byte order mark, which it must start with. */
  const csvText = async (res: Response) => {
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    return new TextDecoder().decode(bytes.slice(3))
  }
  const nps = async (filter: string) => (await get('/v1/results/surveys/nps', filter)).nps
  const E = async (filter: string) => (await get('/v1/results/retention', filter)).periods.map((p: { S: number; E: number; L: number }) => [p.S, p.E, p.L])

  it('surveys: NPS by plan, by company size, by locale, by segment, and the anonymous visitor only where a rule lets it in', async () => {
    expect(await nps('')).toMatchObject({ responses: 4, promoters: 2, detractors: 2, score: 0 })
    expect(await nps('where=plan:pro')).toMatchObject({ responses: 2, promoters: 2, score: 100 })
    expect(await nps('where=plan!=pro')).toMatchObject({ responses: 2, detractors: 2, score: -100 })
    expect(await nps('where=plan:pro|free')).toMatchObject({ responses: 3 })
    expect(await nps('where=plan!=pro|free')).toMatchObject({ responses: 1, detractors: 1 })
    expect(await nps('where=company.size>50')).toMatchObject({ responses: 1, promoters: 1 })
    expect(await nps('where=company.size<=20')).toMatchObject({ responses: 2 })
    expect(await nps('where=company.size>=10&where=plan:pro')).toMatchObject({ responses: 2 })
    expect(await nps('where=tags~beta')).toMatchObject({ responses: 1 })
    expect(await nps('where=company?')).toMatchObject({ responses: 3 })
    expect(await nps('where=!company?')).toMatchObject({ responses: 1 })
    expect(await nps('locale=fa')).toMatchObject({ responses: 2, promoters: 2 })
    expect(await nps('locale=en')).toMatchObject({ responses: 2, detractors: 2 })
    expect(await nps('locale=fa-IR')).toMatchObject({ responses: 1 })
    expect(await nps('segment=eu')).toMatchObject({ responses: 1 })
    expect(await nps('segment=eu&locale=en')).toMatchObject({ responses: 0, score: null })
  })

  it('surveys: reach, texts and the CSV export follow the filter too', async () => {
    const body = await get('/v1/results/surveys/nps', 'locale=fa')
    expect(body).toMatchObject({ shown: 2, responses: 2, completed: 1, audience: { where: [], locale: 'fa' } })
    expect(body.questions[1].texts.items.map((t: { text: string }) => t.text)).toEqual(['عالی است'])
    const page = await get('/v1/results/surveys/nps/answers/why', 'where=plan:free')
    expect(page.items.map((t: { text: string }) => t.text)).toEqual(['too slow'])
    const csv = await (await suite.get(`/v1/results/surveys/nps.csv?${RANGE}&where=plan:pro`)).text()
    expect(csv.trim().split('\n')).toHaveLength(3)
    expect(csv).not.toContain('s-b')
  })

  it('retention: S, E and L of a plan, a locale and a segment', async () => {
    expect(await E('')).toEqual([[0, 4, 0], [4, 3, 1]])
    expect(await E('where=plan:pro')).toEqual([[0, 2, 0], [2, 1, 1]])
    expect(await E('locale=en')).toEqual([[0, 2, 0], [2, 2, 0]])
    expect(await E('segment=us')).toEqual([[0, 1, 0], [1, 1, 0]])
  })

  it('flows, checklists, announcements, holdout, milestones, activation and the overview count only the audience', async () => {
    expect(await get('/v1/results/flows/welcome', 'where=plan:pro')).toMatchObject({ shown: 2, completed: 1 })
    expect(await get('/v1/results/flows/welcome', 'locale=en')).toMatchObject({ shown: 0 })
    expect((await get('/v1/results/checklists/start', 'locale=en')).shown).toBe(2)
    expect((await get('/v1/results/checklists/start', 'where=plan:pro')).shown).toBe(2)
    expect((await get('/v1/results/flows/news', 'segment=us')).announcement).toMatchObject({ viewers: 1, ctaClicks: 1 })
    expect((await get('/v1/results/flows/news', 'segment=eu')).announcement).toMatchObject({ viewers: 1, ctaClicks: 0 })
    const sides = async (filter: string) => (await get('/v1/results/holdout/welcome?milestone=activated', filter)).milestones[0]
    expect(await sides('')).toMatchObject({ shown: { users: 2, reached: 1 }, heldOut: { users: 1, reached: 0 } })
    expect(await sides('where=plan:pro')).toMatchObject({ shown: { users: 2, reached: 1 }, heldOut: { users: 0 } })
    const milestones = await get('/v1/results/milestones', 'locale=en')
    expect(milestones.newUsers).toBe(1)
    expect(milestones.milestones.find((m: { name: string }) => m.name === 'activated')).toMatchObject({ newUsersReached: 1 })
    const activated = async (filter: string) => (await (await suite.get(`/v1/results/activation?milestone=activated&week=1&from=2026-10-26&${filter}`)).json()).newUsers
    expect([await activated(''), await activated('where=plan:pro'), await activated('locale=fa-IR')]).toEqual([3, 2, 1])
    const overview = await get('/v1/results/overview', 'where=plan:pro')
    expect(overview).toMatchObject({ active: { now: 1, previous: 2 }, nps: { n: 2, score: 100 } })
    expect(overview.topFlows.find((f: { id: string }) => f.id === 'nps')).toMatchObject({ reach: 2 })
  })

  it('answers without a filter carry no audience; with one, the audience they counted', async () => {
    expect(await get('/v1/results/milestones', '')).not.toHaveProperty('audience')
    expect((await get('/v1/results/retention', 'where=company.size>50&segment=eu')).audience).toEqual({
      where: [{ trait: 'company.size', op: 'gt', value: 50 }], segment: 'eu',
    })
  })

  it.each([
    ['/v1/results/retention', 'periods', ''],
    ['/v1/results/retention', 'lifecycle', 'table=lifecycle'],
    ['/v1/results/retention', 'cohorts.rows', 'table=cohorts.rows&where=plan:pro'],
    ['/v1/results/activation?milestone=activated&week=1', 'buckets', ''],
    ['/v1/results/overview', 'topFlows', 'locale=fa'],
    ['/v1/results/overview', 'milestones', 'table=milestones'],
    ['/v1/results/surveys/nps', 'questions', ''],
    ['/v1/results/surveys/nps', 'npsTrend', 'table=npsTrend'],
    ['/v1/results/flows/welcome', 'steps', 'where=plan:pro'],
    ['/v1/results/flows', 'flows', ''],
    ['/v1/results/checklists/start', 'items', ''],
    ['/v1/results/holdout/welcome', 'milestones', ''],
    ['/v1/results/milestones', 'milestones', ''],
  ])('%s as CSV: table %s (%s) is the JSON answer\'s, a line per row', async (path, table, filter) => {
    const json = await get(path, filter)
    const res = await suite.get(`${path}${path.includes('?') ? '&' : '?'}${RANGE}&format=csv${filter ? `&${filter}` : ''}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="[\\w.-]+-${table.replace('.', '\\.')}\\.csv"$`))
    const rows = table.split('.').reduce((at, k) => at[k], json)
    const csv = await csvText(res)
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(rows.length ? rows.length + 1 : 0)
    if (rows.length) expect(csv.split(',')[0]).toBe(Object.keys(rows[0])[0])
  })

  it('CSV of the lifecycle: the numbers of the JSON answer, negative dormant counts as numbers', async () => {
    const csv = await csvText(await suite.get(`/v1/results/retention?${RANGE}&format=csv&table=lifecycle`))
    const [head, ...lines] = csv.trim().split('\r\n')
    expect(head).toBe('start,new,returning,resurrected,dormant')
    // W1: z is new, a, b and c come back from signing up on 2026-11-01; W0: c goes dormant.
    expect(lines).toEqual(['2026-11-16,1,0,3,0', '2026-11-23,0,3,0,-1'])
  })

  it.each([
    ['format=xml', '"format": "json" or "csv", not "xml"'],
    ['format=csv&table=nope', '"table": "nope" is not a table of this answer; it has periods, lifecycle, cohorts.rows'],
    ['format=csv&table=period', '"table": "period" is not a table'],
  ])('retention?%s → 400: %s', async (query, details) => {
    const res = await suite.get(`/v1/results/retention?${RANGE}&${query}`)
    expect(res.status).toBe(400)
    expect((await res.json()).details).toContain(details)
  })

  it.each([
    ['/v1/results/retention', 'where=plan', '"where": "plan" is not a trait rule'],
    ['/v1/results/surveys/nps', 'where=size>true', '"where": "size>true": ">" compares with a number'],
    ['/v1/results/surveys/nps.csv', 'locale=Persian', '"locale": "Persian" is not a language tag'],
    ['/v1/results/flows/welcome', 'where=plan:pro&where=!plan:pro', '"where": "!plan:pro": "!" goes only before'],
    ['/v1/results/overview', 'segment=', '"segment": a segment name'],
  ])('%s?%s → 400 naming the part', async (path, filter, details) => {
    const res = await suite.get(`${path}?${filter}`)
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.error).toBe('invalid_filter')
    expect(body.details).toContain(details)
  })
})
