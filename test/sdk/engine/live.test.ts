import type { FlowEnvelope } from '@cairn/protocol'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LIVE_CHARS, LIVE_FLOWS, VISIT_GAP, dropLive, emptyState, keepLive, liveFlows, mergeState } from '../../../packages/sdk/src/engine/index.ts'

const tour = (id: string, extra: object = {}) => ({ id, kind: 'tour', steps: [{ id: 's', title: 'Hi' }], ...extra }) as FlowEnvelope
const now = 1_000_000_000

describe('keepLive / dropLive: the kept definitions of flows in progress', () => {
  it.each<[string, FlowEnvelope[], FlowEnvelope, string[]]>([
    ['joins an empty list', [], tour('a'), ['a']],
    ['goes last', [tour('a')], tour('b'), ['a', 'b']],
    ['replaces its earlier copy, moving last', [tour('a'), tour('b')], tour('a', { version: 2 }), ['b', 'a']],
    ['pushes out the oldest past the limit', Array.from({ length: LIVE_FLOWS }, (_, i) => tour(`f${i}`)), tour('new'), [...Array.from({ length: LIVE_FLOWS - 1 }, (_, i) => `f${i + 1}`), 'new']],
    ['is not kept when too big', [tour('a')], tour('big', { name: 'x'.repeat(LIVE_CHARS) }), ['a']],
    ['a too-big new copy drops the old one too', [tour('big')], tour('big', { name: 'x'.repeat(LIVE_CHARS) }), []],
  ])('%s', (_, list, flow, ids) => {
    expect(keepLive(list, flow).map((f) => f.id)).toEqual(ids)
  })

  it('keeps no trigger: a kept definition only resumes', () => {
    expect(keepLive([], tour('a', { trigger: { url: '/x' } }))[0]).toEqual({ ...tour('a'), trigger: undefined })
    expect(JSON.stringify(keepLive([], tour('a', { trigger: { url: '/x' } })))).not.toContain('trigger')
  })

  it('dropLive removes one flow and keeps the order of the rest', () => {
    expect(dropLive([tour('a'), tour('b'), tour('c')], 'b').map((f) => f.id)).toEqual(['a', 'c'])
    expect(dropLive([tour('a')], 'zz').map((f) => f.id)).toEqual(['a'])
  })

  const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j')
  const op = fc.oneof(
    fc.record({ keep: ids, size: fc.constantFrom(0, 10, LIVE_CHARS / 2, LIVE_CHARS) }),
    fc.record({ drop: ids }),
  )
  it('whatever happens: at most LIVE_FLOWS, each within LIVE_CHARS, ids unique; the latest small keep is there, a drop is gone', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
      let list: FlowEnvelope[] = []
      for (const o of ops) {
        if ('keep' in o) {
          list = keepLive(list, tour(o.keep, { name: 'x'.repeat(o.size) }))
          const fits = JSON.stringify({ ...tour(o.keep, { name: 'x'.repeat(o.size) }) }).length <= LIVE_CHARS
          expect(list.at(-1)?.id === o.keep).toBe(fits)
        } else {
          list = dropLive(list, o.drop)
          expect(list.some((f) => f.id === o.drop)).toBe(false)
        }
        expect(list.length).toBeLessThanOrEqual(LIVE_FLOWS)
        expect(new Set(list.map((f) => f.id)).size).toBe(list.length)
        for (const f of list) expect(JSON.stringify(f).length).toBeLessThanOrEqual(LIVE_CHARS)
      }
    }))
  })
})

describe('liveFlows: what a page loaded now may resume', () => {
  const visit = { visit: { start: now - 60_000 }, lastSeen: now - 1000 }
  const state = (flows: object) => mergeState(emptyState(), { ...visit, flows } as never)
  it.each<[string, object, number, boolean]>([
    ['shown in this visit, not finished', { a: { shownCount: 1, shownAt: now - 30_000 } }, now, true],
    ['completed', { a: { shownCount: 1, shownAt: now - 30_000, completedAt: now - 20_000 } }, now, false],
    ['dismissed', { a: { shownCount: 1, shownAt: now - 30_000, dismissedAt: now - 20_000 } }, now, false],
    ['never shown', {}, now, false],
    ['the visit ended (30 minutes of silence) and the tour was not stepped since', { a: { shownCount: 1, shownAt: now - 30_000 } }, now + VISIT_GAP, false],
    ['shown and stepped in this visit, nearly 30 minutes on', { a: { shownCount: 1, shownAt: now - 30_000, step: 1, stepAt: now - 1000 } }, now + VISIT_GAP - 2000, true],
  ])('%s → %s', (_, flows, at, expected) => {
    expect(liveFlows([tour('a')], state(flows), at).map((f) => f.id)).toEqual(expected ? ['a'] : [])
  })
})
