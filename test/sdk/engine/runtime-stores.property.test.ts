import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { FlowState } from '@cairn/protocol'
import { createFlowEngine, isModal, readState, type FlowEngine } from '../../../packages/sdk/src/engine/index.ts'
import { known } from '../../../packages/sdk/src/engine/runtime-state.ts'
import { checklistValue } from '../../../packages/sdk/src/stores/checklist-value.ts'
import { fakeDeps, follow, settle } from './fake-deps.ts'

const checklist = {
  id: 'start', kind: 'checklist', title: 'Start', trigger: {}, frequency: 'until_completed',
  items: [
    { id: 'project', title: 'Create a project', completeOn: { event: 'project_created' } },
    { id: 'cards', title: 'Add cards', completeOn: { event: 'card_created', count: 2 } },
    { id: 'hand', title: 'Say hello' },
  ],
}
const banner = { id: 'news', kind: 'announcement', style: 'banner', title: 'News', trigger: { event: 'card_created' }, frequency: 'once' }
const welcome = { id: 'welcome', kind: 'tour', trigger: { url: '/board' }, steps: [{ id: 's1', title: 'Hi' }, { id: 's2', title: 'There' }] }
const FLOWS = [checklist, banner, welcome]

type Step =
  | { track: 'project_created' | 'card_created' | 'other' }
  | { navigate: '/home' | '/board' }
  | { act: 'step' | 'complete' | 'dismiss' | 'tick' }
  | { show: 'welcome' | 'news' | 'nope' }
  | { wait: number }
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ track: fc.constantFrom('project_created', 'card_created', 'other') as fc.Arbitrary<'project_created'> }),
  fc.record({ navigate: fc.constantFrom('/home', '/board') as fc.Arbitrary<'/home'> }),
  fc.record({ act: fc.constantFrom('step', 'complete', 'dismiss', 'tick') as fc.Arbitrary<'step'> }),
  fc.record({ show: fc.constantFrom('welcome', 'news', 'nope') as fc.Arbitrary<'welcome'> }),
  fc.record({ wait: fc.integer({ min: 0, max: 5000 }) }),
)

/** What the runtime's stores must agree with after every step. */
function expectConsistent(engine: FlowEngine, fake: ReturnType<typeof fakeDeps>['fake'], heard: (FlowState | undefined)[]) {
  const { $state, $sources, $screen, $schedule } = engine.stores
  // `$state` is what is saved: another tab or a reload reads the same.
  expect($state.get()).toEqual(readState(JSON.parse(fake.store.get('state') ?? 'null')))
  const view = engine.view()
  expect(view.state).toBe($state.get())
  expect(view.flows).toEqual(known($sources.get()))
  expect(view.decisions).toBe($schedule.get().decisions)
  // What is on screen is what the widgets were given and have not ended, at most one modal-class.
  const open = fake.open.map((r) => r.flow.id).sort()
  expect(Object.keys($screen.get().showing).sort()).toEqual(open)
  expect(Object.values($screen.get().showing).filter(isModal).length).toBeLessThanOrEqual(1)
  // The checklist widget follows `$state`: it has heard the latest flow state, and the app's store
  // computed from the same state lists the same ticks.
  const mine = Object.hasOwn($state.get().flows, 'start') ? $state.get().flows['start'] : undefined
  if (fake.open.some((r) => r.flow.id == 'start')) expect(heard.at(-1)).toEqual(mine)
  const value = checklistValue('start', view)
  const ticked = checklist.items.map((i) => i.id).filter((id) => Object.hasOwn(mine?.items ?? {}, id))
  expect(value?.items.filter((i) => i.done).map((i) => i.id)).toEqual(ticked)
}

describe("the engine's runtime stores, after any sequence of events, navigations, show*() calls and widget reports", () => {
  it('hold what is saved, what is known, what is on screen and the latest decisions; the widgets hear every change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 14 }), async (steps) => {
        let url = 'https://app.example.com/home'
        const { deps, fake } = fakeDeps()
        const engine = createFlowEngine({ ...deps, getUrl: () => url }, { flows: FLOWS })
        await settle()
        const heard: (FlowState | undefined)[] = []
        let following: (() => void) | undefined
        for (const s of steps) {
          const list = fake.open.find((r) => r.flow.id == 'start')
          if (list && !following) following = follow(list.controls, 'start', (state) => heard.push(state))
          const top = fake.open.at(-1)
          if ('track' in s) engine.track(s.track)
          else if ('navigate' in s) {
            url = `https://app.example.com${s.navigate}`
            fake.navigateTo(url)
          } else if ('show' in s) engine.show(s.show)
          else if ('wait' in s) await fake.advance(s.wait)
          else if (s.act == 'tick') list?.controls.step(2, 'hand')
          else if (top && s.act == 'step') top.controls.step(1, 's2')
          else if (top && s.act == 'complete') top.controls.complete()
          else if (top) top.controls.dismiss(0, 'close')
          await settle()
          expectConsistent(engine, fake, heard)
        }
        following?.()
        engine.destroy()
      }),
      { numRuns: 60 },
    )
  })
})
