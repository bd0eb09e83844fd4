import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ChecklistFlow, ChecklistItem, FlowEnvelope } from '@cairn/protocol'
import { CHECKLIST_COMPLETED, flowMilestones, itemDone, progress } from '../../../packages/sdk/src/engine/checklist.ts'
import { emptyState, mergeState, type EngineState } from '../../../packages/sdk/src/engine/index.ts'

const NOW = 1_700_000_000_000
const item = (id: string, extra: Partial<ChecklistItem> = {}): ChecklistItem => ({ id, title: id, ...extra })
const checklist = (items: ChecklistItem[], extra: Partial<ChecklistFlow> = {}): ChecklistFlow =>
  ({ id: 'start', kind: 'checklist', title: 'Start', items, ...extra })
const state = (s: Partial<EngineState>) => mergeState(emptyState(), s)
const shown = { flows: { start: { shownCount: 1, shownAt: 1 } } }

describe('itemDone', () => {
  const s = state({ events: { board_created: 2 }, milestones: { invited: 5 }, flows: { welcome: { shownCount: 1, completedAt: 9 }, skipped: { shownCount: 1, dismissedAt: 9 } } })
  it.each([
    ['an event tracked once', { completeOn: { event: 'board_created' } }, true],
    ['an event tracked twice of 2', { completeOn: { event: 'board_created', count: 2 } }, true],
    ['an event tracked twice of 3', { completeOn: { event: 'board_created', count: 3 } }, false],
    ['an event never tracked', { completeOn: { event: 'card_created' } }, false],
    ['a milestone reached', { completeOn: { milestone: 'invited' } }, true],
    ['a milestone not reached', { completeOn: { milestone: 'connected' } }, false],
    ['a tour completed', { action: { tour: 'welcome' } }, true],
    ['a tour only dismissed', { action: { tour: 'skipped' } }, false],
    ['a tour, but its own event not tracked', { action: { tour: 'welcome' }, completeOn: { event: 'x' } }, false],
    ['a link, ticked by hand', { action: { url: '/guide' } }, false],
    ['nothing: ticked by hand', {}, false],
    ['a prototype name', { completeOn: { event: 'constructor' } }, false],
  ] as const)('%s → %s', (_, extra, done) => {
    expect(itemDone(item('i', extra as Partial<ChecklistItem>), s)).toBe(done)
  })
})

describe('flowMilestones', () => {
  it('lists the milestones that triggers and checklist items name', () => {
    const flows = [
      { id: 'invite', kind: 'announcement', trigger: { milestone: 'created_first_project' } },
      checklist([item('a', { completeOn: { milestone: 'connected' } }), item('b', { completeOn: { event: 'x' } })], { milestone: 'activated' }),
      { id: 'broken', kind: 'checklist', items: 'nope' },
    ] as FlowEnvelope[]
    expect(flowMilestones(flows)).toEqual(['created_first_project', 'connected'])
  })
})

describe('progress', () => {
  const flow = checklist([
    item('board', { completeOn: { event: 'board_created' } }),
    item('cards', { completeOn: { event: 'card_created', count: 3 } }),
    item('guide', { action: { url: '/guide' } }),
  ], { milestone: 'activated' })

  it('ticks what is done, with its index, only for checklists the user was shown', () => {
    const s = state({ ...shown, events: { board_created: 1, card_created: 3 } })
    const out = progress(s, [flow], NOW)
    expect(out.ticks).toEqual([[flow, 0, 'board'], [flow, 1, 'cards']])
    expect(out.state.flows['start']?.items).toEqual({ board: NOW, cards: NOW })
    expect(out.reached).toEqual([])
    expect(progress(state({ events: { board_created: 1 } }), [flow], NOW).ticks).toEqual([])
  })

  it('never ticks twice and keeps the first tick time', () => {
    const s = state({ flows: { start: { shownCount: 1, items: { board: 5 } } }, events: { board_created: 4 } })
    const out = progress(s, [flow], NOW)
    expect(out.ticks).toEqual([])
    expect(out.state.flows['start']?.items).toEqual({ board: 5 })
  })

  it('reaches checklist_completed and the checklist\'s milestone once every item is ticked (by hand too)', () => {
    const s = state({ flows: { start: { shownCount: 1, items: { guide: 7 } } }, events: { board_created: 1, card_created: 3 } })
    const out = progress(s, [flow], NOW)
    expect(out.reached).toEqual([CHECKLIST_COMPLETED, 'activated'])
    expect(out.state.milestones).toEqual({ [CHECKLIST_COMPLETED]: NOW, activated: NOW })
    // Already reached (another tab, another checklist): not again.
    expect(progress(mergeState(s, { milestones: { [CHECKLIST_COMPLETED]: 1 } }), [flow], NOW).reached).toEqual(['activated'])
  })

  it('follows milestones across checklists: one completing ticks an item of the other', () => {
    const second = { ...checklist([item('first-done', { completeOn: { milestone: 'activated' } })]), id: 'next' }
    const s = state({ flows: { start: { shownCount: 1, items: { guide: 7 } }, next: { shownCount: 1 } }, events: { board_created: 1, card_created: 3 } })
    const out = progress(s, [second, flow], NOW)
    expect(out.ticks.map(([f, , id]) => `${f.id}:${id}`)).toEqual(['start:board', 'start:cards', 'next:first-done'])
  })

  it('ignores malformed items (the widget reports those)', () => {
    const broken = { id: 'start', kind: 'checklist', items: [null, 7, { title: 'no id', completeOn: { event: 'x' } }] } as unknown as FlowEnvelope
    expect(progress(state({ ...shown, events: { x: 1 } }), [broken], NOW)).toMatchObject({ ticks: [], reached: [] })
  })

  it('is idempotent and monotonic: a second pass finds nothing, ticks only grow (property)', () => {
    const items = fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('a', 'b', 'c', '__proto__', 'toString'),
        on: fc.option(fc.oneof(
          fc.record({ event: fc.constantFrom('e', 'f'), count: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) }),
          fc.record({ milestone: fc.constantFrom('m', CHECKLIST_COMPLETED, 'activated') }),
        ), { nil: undefined }),
      }),
      { selector: (i) => i.id, minLength: 1, maxLength: 4 },
    ).map((list) => list.map(({ id, on }) => item(id, on ? { completeOn: JSON.parse(JSON.stringify(on)) } : {})))
    const given = fc.record({
      events: fc.dictionary(fc.constantFrom('e', 'f'), fc.nat(4)),
      milestones: fc.dictionary(fc.constantFrom('m', 'activated'), fc.nat(100)),
      ticked: fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.nat(100)),
      shownCount: fc.nat(2),
    })
    fc.assert(fc.property(items, given, (list, g) => {
      const f = checklist(list, { milestone: 'activated' })
      const s = state({ events: g.events, milestones: g.milestones, flows: { start: { shownCount: g.shownCount, items: g.ticked } } })
      const once = progress(s, [f], NOW)
      const twice = progress(once.state, [f], NOW + 1)
      expect(twice.ticks).toEqual([])
      expect(twice.reached).toEqual([])
      for (const [id, at] of Object.entries(s.flows['start']?.items ?? {})) expect(once.state.flows['start']?.items?.[id]).toBe(at)
      if (!g.shownCount) expect(once.ticks).toEqual([])
      expect(new Set(once.reached).size).toBe(once.reached.length)
    }))
  })
})
