import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { ChecklistFlow, Flow } from '@cairn/protocol'
import { check as protocolCheck, checklistSchema, describe as describeProblems, flowSchema } from '@cairn/protocol'
import { check } from '../../packages/sdk/src/widgets/checklist.tsx'
import { doneIds, itemUse, newlyDone, ringFill } from '../../packages/sdk/src/widgets/checklist/progress.ts'

const flow: ChecklistFlow = {
  id: 'c', kind: 'checklist', title: 'C',
  items: [
    { id: 'a', title: 'A', completeOn: { event: 'x' } },
    { id: 'b', title: 'B', action: { tour: 'welcome' } },
    { id: 'c', title: 'C', action: { url: '/guide' } },
    { id: 'd', title: 'D' },
  ],
}

describe('checklist progress (pure)', () => {
  it('takes ticks from the state and from hand ticks, in item order, ignoring other ids', () => {
    expect(doneIds(flow, undefined, new Set())).toEqual([])
    expect(doneIds(flow, { shownCount: 1, items: { c: 1, a: 2, zz: 3 } }, new Set(['d']))).toEqual(['a', 'c', 'd'])
    expect(doneIds(flow, { shownCount: 1, items: JSON.parse('{"__proto__": 1}') }, new Set())).toEqual([])
  })

  it('finds what is newly done, in order', () => {
    expect(newlyDone(['a'], ['a', 'c', 'd'])).toEqual(['c', 'd'])
    expect(newlyDone(['a', 'c'], ['a', 'c'])).toEqual([])
  })

  it.each([
    [0, 5, 0], [2, 5, 40], [5, 5, 100], [1, 3, 33], [2, 3, 67], [0, 0, 0], [7, 5, 100],
  ])('fills the ring %i of %i → %i/100', (done, total, fill) => {
    expect(ringFill(done, total)).toBe(fill)
  })

  it('the ring grows with progress and stays in 0…100 (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }), fc.nat(30), fc.nat(30), (total, a, b) => {
      const [x, y] = [Math.min(a, b, total), Math.min(Math.max(a, b), total)]
      expect(ringFill(x, total)).toBeLessThanOrEqual(ringFill(y, total))
      expect(ringFill(y, total)).toBeGreaterThanOrEqual(0)
      expect(ringFill(y, total)).toBeLessThanOrEqual(100)
      expect(ringFill(total, total)).toBe(100)
    }))
  })

  it('says how an item is used', () => {
    expect(flow.items.map(itemUse)).toEqual(['none', 'tour', 'url', 'tick'])
    expect(itemUse({ id: 'e', title: 'E', completeOn: { event: 'x' }, action: { url: '/x' } })).toBe('url')
  })
})

describe('check (the checklist chunk refuses what it cannot render)', () => {
  it('accepts what the protocol accepts', () => {
    expect(protocolCheck(checklistSchema, flow).ok).toBe(true)
    expect(check(flow)).toBeUndefined()
  })

  it.each([
    [{ title: 7 }, '$.title: must be text'],
    [{ items: [] }, '$.items: must be a non-empty list'],
    [{ items: [{ id: 'a' }] }, '$.items[0].title: must be text'],
    [{ items: [{ title: 'A' }] }, '$.items[0].id: must be text'],
    [{ items: [{ id: 'a', title: 'A' }, null] }, '$.items[1].title: must be text'],
    [{ items: [{ id: 'a', title: 'A', completeOn: {} }] }, '$.items[0].completeOn: must name an event or a milestone'],
    [{ items: [{ id: 'a', title: 'A', completeOn: { event: '' } }] }, '$.items[0].completeOn: must name an event or a milestone'],
    [{ items: [{ id: 'a', title: 'A', action: { href: '/x' } }] }, '$.items[0].action: must be a tour or a url'],
  ])('%j → %s', (patch, problem) => {
    expect(check({ ...flow, ...patch } as unknown as Flow)).toBe(problem)
  })
})

describe('the README\'s "Checklists and milestones" section', () => {
  const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8')
  const start = readme.indexOf('\n## Checklists and milestones')
  const end = readme.indexOf('\n## ', start + 1)
  const section = readme.slice(start, end < 0 ? undefined : end)
  const flows = [...section.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => JSON.parse(m[1]!) as Flow).filter((f) => 'kind' in f)

  it.each(flows.map((f) => [f.id, f] as const))('%s is a valid flow the widget renders', (_, example) => {
    const result = protocolCheck(flowSchema, example)
    expect(result.ok ? '' : describeProblems(result.problems)).toBe('')
    if (example.kind === 'checklist') expect(check(example)).toBeUndefined()
  })

  it('has both examples', () => {
    expect(flows.map((f) => f.id)).toEqual(['invite-team', 'getting-started'])
  })
})
