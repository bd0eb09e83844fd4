import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { checklistStats } from '../../packages/collector/src/results/checklists-stats.ts'

const M = 60_000
const ITEMS = [{ id: 'board', title: 'Create a board' }, { id: 'cards', title: 'Add cards' }, { id: 'invite', title: 'Invite' }]

describe('checklistStats', () => {
  // Five people; hand-computed below.
  const people = [
    { shownAt: 0, ticks: { board: 2 * M, cards: 5 * M, invite: 9 * M } }, // done in 9 min
    { shownAt: 100 * M, ticks: { board: 90 * M, cards: 101 * M, invite: 103 * M } }, // board before shown: done in 3 min
    { shownAt: 0, ticks: { board: M } }, // stalls at cards
    { shownAt: 0, ticks: { cards: M, gone: M } }, // stalls at board; "gone" is not an item
    { shownAt: 0, ticks: {} }, // stalls at board
  ]
  const stats = checklistStats(ITEMS, people)

  it('counts the people shown, per-item completion and full completion', () => {
    expect(stats.shown).toBe(5)
    expect(stats.items).toEqual([
      { id: 'board', title: 'Create a board', completed: 3, rate: 0.6 },
      { id: 'cards', title: 'Add cards', completed: 3, rate: 0.6 },
      { id: 'invite', title: 'Invite', completed: 2, rate: 0.4 },
    ])
    expect(stats.completed).toBe(2)
    expect(stats.completionRate).toBe(0.4)
  })

  it('times completion from the first showing to the last tick (median of 3 and 9 minutes is 6)', () => {
    expect(stats.timeToComplete).toEqual({ n: 2, medianMs: 6 * M, p75Ms: 7.5 * M })
  })

  it('says where the others stall: the first item they have not ticked', () => {
    expect(stats.stalls).toEqual([
      { id: 'board', title: 'Create a board', users: 2, share: 0.4 },
      { id: 'cards', title: 'Add cards', users: 1, share: 0.2 },
    ])
  })

  it('has no rates when nobody saw it', () => {
    expect(checklistStats(ITEMS, [])).toEqual({
      shown: 0, completed: 0, completionRate: null, timeToComplete: { n: 0, medianMs: null, p75Ms: null }, stalls: [],
      items: ITEMS.map((i) => ({ ...i, completed: 0, rate: null })),
    })
  })

  it('counts nobody complete when no items are known, however many saw it', () => {
    const s = checklistStats([], [{ shownAt: 0, ticks: {} }, { shownAt: 0, ticks: {} }])
    expect(s).toMatchObject({ shown: 2, completed: 0, completionRate: 0, timeToComplete: { n: 0 }, items: [], stalls: [] })
  })

  it('everyone either completed or stalled once; completion never beats an item (property)', () => {
    const person = fc.record({
      shownAt: fc.nat(1000),
      ticks: fc.dictionary(fc.constantFrom('board', 'cards', 'invite', 'other'), fc.nat(2000)),
    })
    fc.assert(fc.property(fc.array(person, { maxLength: 30 }), (list) => {
      const s = checklistStats(ITEMS, list)
      expect(s.completed + s.stalls.reduce((n, x) => n + x.users, 0)).toBe(s.shown)
      for (const item of s.items) expect(s.completed).toBeLessThanOrEqual(item.completed)
      expect(s.timeToComplete.n).toBe(s.completed)
      if (s.timeToComplete.medianMs !== null) expect(s.timeToComplete.medianMs).toBeGreaterThanOrEqual(0)
    }))
  })
})
