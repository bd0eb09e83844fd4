import { afterEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { ChecklistFlow } from '@cairn/protocol'
import { readState } from '../../../packages/sdk/src/engine/index.ts'
import { storageKeys } from '../../../packages/sdk/src/index.ts'
import { checklistValue } from '../../../packages/sdk/src/stores/checklist-value.ts'
import { client, settle, until } from './harness.ts'

const checklist: ChecklistFlow = {
  id: 'list', kind: 'checklist', title: 'List', trigger: {}, frequency: 'until_completed', headless: true,
  items: [
    { id: 'board', title: 'Board', completeOn: { event: 'board_created', count: 2 } },
    { id: 'invite', title: 'Invite', completeOn: { milestone: 'invited' } },
    { id: 'hand', title: 'By hand' },
  ],
}
type Step = { track: 'board_created' | 'invited' | 'other' } | { tick: true } | { minimize: boolean }
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ track: fc.constantFrom('board_created', 'invited', 'other') as fc.Arbitrary<'board_created' | 'invited' | 'other'> }),
  fc.record({ tick: fc.constant(true as const) }),
  fc.record({ minimize: fc.boolean() }),
)

let made: ReturnType<typeof client> | undefined
afterEach(() => made?.sdk.destroy())

describe('$checklist and $milestones, after any sequence of events and reports', () => {
  it('equal what the pure views compute from the saved engine state, and tick exactly what happened', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        made?.sdk.destroy()
        made = client({ flows: [checklist], user: 'u1' })
        const { sdk, storage } = made
        const $list = sdk.stores.$checklist('list')
        await until(() => expect($list.get()?.open).toBe(true))
        sdk.flows.shown('list')
        await settle()
        let boards = 0
        let invited = false
        let ticked = false
        let minimized = false
        for (const s of steps) {
          // One step per millisecond: two choices in the same one tie (the larger value wins, in every tab).
          made.clock.advance(1)
          if ('track' in s) sdk.track(s.track)
          else if ('tick' in s) sdk.checklists.tick('list', 'hand')
          else sdk.checklists.minimize('list', s.minimize)
          boards += +('track' in s && s.track == 'board_created')
          invited ||= 'track' in s && s.track == 'invited'
          ticked ||= 'tick' in s
          if ('minimize' in s) minimized = s.minimize
          const state = readState(JSON.parse(storage.get(`${storageKeys('pk_test').base}engine:state`) ?? 'null'))
          const view = { state, flows: [checklist], decisions: [], showing: { list: checklist }, modal: undefined, feed: () => [], user: { userId: 'u1', anonymousId: '' }, now: 0 }
          expect($list.get()).toEqual(checklistValue('list', view))
          expect(sdk.stores.$milestones.get()).toEqual({ ...state.milestones })
          expect($list.get()!.items.map((i) => i.done)).toEqual([boards >= 2, invited, ticked])
          expect($list.get()!.minimized).toBe(minimized)
          expect('checklist_completed' in sdk.stores.$milestones.get()).toBe(boards >= 2 && invited && ticked)
        }
      }),
      { numRuns: 30 },
    )
  })
})
