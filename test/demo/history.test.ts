import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Flow } from '@cairn/protocol'
import { describe, expect, it } from 'vitest'
import { dashboardHistory, DEMO_NAMES, FIXTURE_NAMES } from '../../demo/history.ts'
import { declaredMilestones } from '../../packages/collector/src/results/milestones-declared.ts'

const FLOWS_DIR = resolve(import.meta.dirname, '../../demo/flows')
const flows = readdirSync(FLOWS_DIR).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(FLOWS_DIR, f), 'utf8')) as Flow)
const NOW = Date.UTC(2026, 11, 4)
type Event = { type: string; userId: string; ts: number; name?: string; flowId?: string; stepId?: string }
const history = dashboardHistory(NOW, { users: 300, weeks: 13, names: DEMO_NAMES }) as Event[]
const byUser = new Map<string, Event[]>()
for (const e of history) byUser.set(e.userId, [...(byUser.get(e.userId) ?? []), e])

describe("the demo's seeded history", () => {
  it('reaches every milestone the demo flows declare, for some people and not for all', () => {
    const declared = declaredMilestones([], flows)
    expect([...declared].sort()).toEqual(['activated', 'board_created', 'checklist_completed', 'teammate_invited'])
    for (const name of declared) {
      const reached = [...byUser.values()].filter((events) => events.some((e) => e.type === 'milestone' && e.name === name)).length
      expect(reached, name).toBeGreaterThan(0)
      expect(reached, name).toBeLessThan(byUser.size)
    }
  })

  it('ticks each item whose completeOn is a milestone only after that milestone, as the SDK does', () => {
    const checklist = flows.find((f) => f.id === DEMO_NAMES.checklist)
    if (checklist?.kind !== 'checklist') throw new Error('the demo has no getting-started checklist')
    for (const item of checklist.items) {
      const on = item.completeOn && 'milestone' in item.completeOn ? item.completeOn.milestone : undefined
      if (!on) continue
      for (const events of byUser.values()) {
        const tick = events.find((e) => e.type === 'flow_step' && e.flowId === checklist.id && e.stepId === item.id)
        if (!tick) continue
        const reached = events.find((e) => e.type === 'milestone' && e.name === on)
        expect(reached && reached.ts <= tick.ts, `${item.id} of ${tick.userId}`).toBe(true)
      }
    }
  })

  it("completes the checklist, with its milestones, exactly for those who ticked every item", () => {
    const checklist = flows.find((f) => f.id === DEMO_NAMES.checklist)
    if (checklist?.kind !== 'checklist') throw new Error('the demo has no getting-started checklist')
    let completed = 0
    for (const events of byUser.values()) {
      const ticks = events.filter((e) => e.type === 'flow_step' && e.flowId === checklist.id)
      const all = checklist.items.every((item) => ticks.some((e) => e.stepId === item.id))
      const done = events.find((e) => e.type === 'flow_completed' && e.flowId === checklist.id)
      expect(!!done).toBe(all)
      for (const name of ['checklist_completed', checklist.milestone]) {
        const reached = events.find((e) => e.type === 'milestone' && e.name === name)
        expect(!!reached).toBe(all)
        if (reached) expect(reached.ts).toBeGreaterThanOrEqual(Math.max(...ticks.map((e) => e.ts)))
      }
      if (done) completed++
    }
    expect(completed).toBeGreaterThan(0)
  })

  it("leaves the dashboard fixture's history as it was: no checklist milestones there", () => {
    const fixture = dashboardHistory(NOW, { names: FIXTURE_NAMES }) as Event[]
    expect(new Set(fixture.filter((e) => e.type === 'milestone').map((e) => e.name))).toEqual(new Set([FIXTURE_NAMES.milestone]))
    expect(fixture.some((e) => e.type === 'flow_completed' && e.flowId === FIXTURE_NAMES.checklist)).toBe(false)
  })
})
