import { describe, expect, it } from 'vitest'
import type { Flow } from '@cairn/protocol'
import { checkFlows } from '../../packages/collector/src/check/check-flows.ts'
import type { CheckContext } from '../../packages/collector/src/check/flow-rules.ts'

const NOW = Date.parse('2026-12-01T00:00:00Z')
const CONFIGURED: CheckContext = { now: NOW, configured: true, milestones: ['board_created', 'teammate_invited'] }

/** Checks flows written one file each (`<id>.json`, pretty-printed), returning what was found. */
const run = (flows: readonly Flow[], context: Partial<CheckContext> = {}) =>
  checkFlows(flows.map((f) => ({ file: `${f.id}.json`, text: JSON.stringify(f, null, 2) })), { ...CONFIGURED, ...context })
const found = (flows: readonly Flow[], context?: Partial<CheckContext>) =>
  run(flows, context).findings.map(({ file, path, severity, message, suggestion }) => ({ file, path, severity, message, ...(suggestion && { suggestion }) }))

const tour = (id: string, extra: Partial<Flow> = {}, steps: object[] = [{ id: 's1', target: '#a', title: 'One' }, { id: 's2', target: '#b', title: 'Two' }]): Flow =>
  ({ id, kind: 'tour', steps, ...extra }) as Flow
const checklist = (id: string, items: object[], extra: object = {}): Flow =>
  ({ id, kind: 'checklist', title: 'Get started', items, ...extra }) as Flow
const announcement = (id: string, extra: object = {}): Flow => ({ id, kind: 'announcement', style: 'modal', title: 'New: boards', ...extra }) as Flow

describe('cairn check: what no schema can express', () => {
  it('a flow id used in two files: the later file (by name) is refused, the earlier served', () => {
    const result = checkFlows(
      [{ file: 'a.json', text: JSON.stringify(tour('welcome')) }, { file: 'b.json', text: JSON.stringify(tour('welcome')) }],
      CONFIGURED,
    )
    expect(result.findings).toEqual([expect.objectContaining({ file: 'b.json', path: '$.id', severity: 'error', message: 'the flow id "welcome" is already used by a.json' })])
    expect([...result.refused]).toEqual(['b.json'])
    expect(result.flows).toHaveLength(1)
  })

  it('the feed id is reserved', () => {
    expect(found([announcement('cairn-feed')])).toEqual([expect.objectContaining({ path: '$.id', severity: 'error', message: expect.stringMatching(/reserved/) })])
  })

  describe('milestones outside the list the config declares', () => {
    const flows = [
      checklist('start', [{ id: 'a', title: 'Make a board', completeOn: { milestone: 'board_creatd' } }, { id: 'b', title: 'Invite', completeOn: { event: 'invited' } }], { milestone: 'activatd' }),
      announcement('invite', { trigger: { milestone: 'teammate_invited' } }),
      announcement('nudge', { trigger: { milestone: 'first_export' } }),
    ]
    it('are errors, with the declared name a typo was meant to be', () => {
      expect(found(flows)).toEqual([
        { file: 'nudge.json', path: '$.trigger.milestone', severity: 'error', message: 'the milestone "first_export" is not declared in the config (it declares board_created, teammate_invited)' },
        { file: 'start.json', path: '$.items[0].completeOn.milestone', severity: 'error', message: 'the milestone "board_creatd" is not declared in the config (it declares board_created, teammate_invited)', suggestion: 'board_created' },
        { file: 'start.json', path: '$.milestone', severity: 'error', message: 'the milestone "activatd" is not declared in the config (it declares board_created, teammate_invited)' },
      ])
    })
    it('are not checked when the config declares none (naming one in a flow declares it), nor without a config', () => {
      expect(found(flows, { milestones: undefined })).toEqual([])
      expect(found(flows, { configured: false })).toEqual([])
    })
    it('do not refuse the flow: it is served, and the finding says why it will not complete', () => {
      expect(run(flows).flows.map((f) => f.id)).toEqual(['invite', 'nudge', 'start'])
    })
  })

  it('a checklist action, an announcement CTA or a thank-you CTA starting a tour that does not exist', () => {
    const flows = [
      tour('welcome-tour'),
      checklist('start', [{ id: 'a', title: 'Take the tour', action: { tour: 'welcome-tuor' } }, { id: 'b', title: 'Tour', action: { tour: 'welcome-tour' } }]),
      announcement('news', { cta: { label: 'Show me', tour: 'boards' } }),
      { id: 'nps', kind: 'survey', questions: [{ id: 's', type: 'nps', prompt: 'How likely?' }], thankYou: { title: 'Thanks', cta: { label: 'Go', tour: 'welcome-tour' } } } as Flow,
    ]
    expect(found(flows)).toEqual([
      { file: 'news.json', path: '$.cta.tour', severity: 'error', message: 'no tour has the id "boards"' },
      { file: 'start.json', path: '$.items[0].action.tour', severity: 'error', message: 'no tour has the id "welcome-tuor"', suggestion: 'welcome-tour' },
    ])
  })

  describe("a tour's first step on a page its trigger never fires on", () => {
    const cases: [string | string[], string | undefined, boolean][] = [
      ['/', '/boards/*', true],
      ['/settings', '/settings', false],
      ['/boards/*', '/boards/42', false],
      ['/boards/42', '/boards/*', false],
      ['/boards/**', '/boards/1/cards/2', false],
      [['/home', '/start'], '/start', false],
      [['/home', '/start'], '/billing', true],
      ['/', undefined, false],
    ]
    it.each(cases)('trigger.url %j, first step url %j: finding %s', (url, first, expected) => {
      const steps = [{ id: 's1', target: '#a', title: 'One', ...(first && { url: first }) }, { id: 's2', target: '#b', title: 'Two', url: '/elsewhere' }]
      const findings = found([tour('t', { trigger: { url } }, steps)])
      expect(findings).toEqual(expected ? [expect.objectContaining({ path: '$.steps[0].url', severity: 'error', message: expect.stringMatching(/never starts by itself/) })] : [])
    })
  })

  it('translations: an extra step is an error, a missing one and an unknown key are warnings', () => {
    const flows = [
      tour('extra', { locales: { fa: { steps: [{ title: 'یک' }, { title: 'دو' }, { title: 'سه' }] } } }),
      tour('short', { locales: { fa: { steps: [{ title: 'یک' }] } } }),
      tour('odd', { locales: { fa: { steps: [{ title: 'یک', subtitle: 'x' }, { title: 'دو' }] } } } as unknown as Partial<Flow>),
      tour('fine', { locales: { fa: { steps: [{ title: 'یک' }, { title: 'دو' }] } } }),
    ]
    expect(found(flows)).toEqual([
      { file: 'extra.json', path: '$.locales.fa.steps', severity: 'error', message: '"fa" has 3 entries where the default content has 2: the extra ones are never shown' },
      { file: 'odd.json', path: '$.locales.fa.steps[0].subtitle', severity: 'warning', message: '"fa" translates "subtitle", which the default content does not have' },
      { file: 'short.json', path: '$.locales.fa.steps', severity: 'warning', message: '"fa" has 1 entries where the default content has 2: the rest show untranslated' },
    ])
  })

  describe('text in a script that runs the other way from its language', () => {
    it('Persian text in an English flow, and English text in a Persian translation', () => {
      const flows = [
        tour('mixed', { locales: { fa: { steps: [{ title: 'Welcome aboard' }, { title: 'دو' }] } } }, [{ id: 's1', target: '#a', title: 'خوش آمدید' }, { id: 's2', target: '#b', title: 'Two' }]),
      ]
      expect(found(flows)).toEqual([
        { file: 'mixed.json', path: '$.steps[0].title', severity: 'warning', message: 'right-to-left text in a flow whose locale "en" is written left to right' },
        { file: 'mixed.json', path: '$.locales.fa.steps[0].title', severity: 'warning', message: 'left-to-right text in a flow whose locale "fa" is written right to left' },
      ])
    })
    it("the project's locale applies to flows that declare none; a product name or a number inside RTL text is fine", () => {
      const fa = tour('fa', {}, [{ id: 's1', target: '#a', title: 'به Acme خوش آمدید' }, { id: 's2', target: '#b', title: 'مرحله ۲' }])
      expect(found([fa], { locale: 'fa' })).toEqual([])
      expect(found([fa], { locale: 'ar-EG' })).toEqual([])
      expect(found([fa]).map((f) => f.path)).toEqual(['$.steps[0].title', '$.steps[1].title'])
    })
  })

  it('a holdout with no milestone to measure it by, in the config or any flow', () => {
    const held = announcement('held', { holdout: 0.1 })
    expect(found([held], { milestones: undefined })).toEqual([expect.objectContaining({ path: '$.holdout', severity: 'warning' })])
    expect(found([held])).toEqual([])
    expect(found([held, announcement('m', { trigger: { milestone: 'x' } })], { milestones: undefined })).toEqual([])
  })

  it('an announcement whose expireAt has passed; one still to expire is fine', () => {
    expect(found([announcement('old', { expireAt: '2026-11-30T00:00:00Z' }), announcement('new', { expireAt: '2027-01-01T00:00:00Z' })])).toEqual([
      { file: 'old.json', path: '$.expireAt', severity: 'warning', message: 'expired on 2026-11-30T00:00:00Z: the announcement no longer shows' },
    ])
  })

  it('a personalization token without a fallback, in the content and in translations', () => {
    const flows = [announcement('hi', { title: 'Hi {{ user.firstName }}', body: 'Welcome, {{user.name|friend}}', locales: { fa: { title: 'سلام {{user.firstName}}' } } })]
    expect(found(flows)).toEqual([
      { file: 'hi.json', path: '$.title', severity: 'warning', message: '{{ user.firstName }} has no fallback, so a user without it sees nothing there', suggestion: '{{user.firstName|…}}' },
      { file: 'hi.json', path: '$.locales.fa.title', severity: 'warning', message: '{{user.firstName}} has no fallback, so a user without it sees nothing there', suggestion: '{{user.firstName|…}}' },
    ])
  })

  it('each rule finding is placed at the line and column of what it names', () => {
    const [finding] = run([announcement('old', { expireAt: '2020-01-01T00:00:00Z' })]).findings
    const lines = JSON.stringify(announcement('old', { expireAt: '2020-01-01T00:00:00Z' }), null, 2).split('\n')
    const line = lines.findIndex((l) => l.includes('"expireAt"'))
    expect(finding).toMatchObject({ line: line + 1, column: (lines[line] as string).indexOf('"2020') + 1 })
  })

  it('the demo flows are clean', async () => {
    const { readFlowFiles } = await import('../../packages/collector/src/flows/read-flow-files.ts')
    const { files } = await readFlowFiles('demo/flows')
    expect(files.length).toBeGreaterThan(5)
    expect(checkFlows(files, { now: Date.now(), configured: true }).findings).toEqual([])
  })
})
