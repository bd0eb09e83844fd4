import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matchUrl } from '../../packages/sdk/src/engine/index.ts'
import { canGoBack, startTour, stepTour, type MachineTour, type TourInput, type TourState } from '../../packages/sdk/src/widgets/tour/machine.ts'

const HOME = 'https://app.example/'
const BOARD = 'https://app.example/board'

const tour: MachineTour = {
  steps: [
    {},
    { advanceOn: 'click' },
    { url: '/', advanceOn: { event: 'project_created' } },
    { url: '/board' },
    { url: '/board', advanceOn: 'next' },
  ],
}
const at = (index: number, phase: TourState['phase'] = 'show'): TourState => ({ index, phase })

describe('startTour', () => {
  it.each([
    [undefined, HOME, at(0)],
    [2, HOME, at(2)],
    [3, HOME, at(3, 'away')],
    [3, BOARD, at(3)],
    [99, BOARD, at(4)],
    [-4, HOME, at(0)],
    [1.5, HOME, at(0)],
  ])('step %s on %s → %j', (step, url, expected) => {
    expect(startTour(tour, url, step, matchUrl)).toEqual(expected)
  })
})

describe('stepTour', () => {
  const cases: [string, TourState, TourInput, string, TourState, unknown[]][] = [
    ['Next on a Next step', at(0), { type: 'next' }, HOME, at(1), [{ type: 'step', index: 1 }]],
    ['Next on a click step does nothing', at(1), { type: 'next' }, HOME, at(1), []],
    ['a click on a click step', at(1), { type: 'click' }, HOME, at(2), [{ type: 'step', index: 2 }]],
    ['a click on a Next step does nothing', at(0), { type: 'click' }, HOME, at(0), []],
    ['the awaited event', at(2), { type: 'event', name: 'project_created' }, HOME, at(3, 'away'), [{ type: 'step', index: 3 }]],
    ['another event does nothing', at(2), { type: 'event', name: 'other' }, HOME, at(2), []],
    ['Back', at(2), { type: 'back' }, HOME, at(1), [{ type: 'step', index: 1 }]],
    ['Back on the first step does nothing', at(0), { type: 'back' }, HOME, at(0), []],
    ['Back to a step of another page does nothing', at(3), { type: 'back' }, BOARD, at(3), []],
    ['close', at(2), { type: 'close', reason: 'escape' }, HOME, at(2, 'dismissed'), [{ type: 'dismissed', index: 2, reason: 'escape' }]],
    ['close while away', at(3, 'away'), { type: 'close', reason: 'close' }, HOME, at(3, 'dismissed'), [{ type: 'dismissed', index: 3, reason: 'close' }]],
    ['Next on the last step completes', at(4), { type: 'next' }, BOARD, at(4, 'completed'), [{ type: 'completed', index: 4 }]],
    ['a missing target is reported, then skipped', at(1), { type: 'missing' }, HOME, at(2), [{ type: 'missing', index: 1 }, { type: 'step', index: 2 }]],
    ['a missing last target completes', at(4), { type: 'missing' }, BOARD, at(4, 'completed'), [{ type: 'missing', index: 4 }, { type: 'completed', index: 4 }]],
    ['arriving on the step page shows it', at(3, 'away'), { type: 'page', url: BOARD }, BOARD, at(3), []],
    ['leaving the step page hides it', at(3), { type: 'page', url: HOME }, HOME, at(3, 'away'), []],
    ['Next while away does nothing', at(3, 'away'), { type: 'next' }, HOME, at(3, 'away'), []],
    ['nothing after the end', at(4, 'completed'), { type: 'back' }, BOARD, at(4, 'completed'), []],
  ]
  it.each(cases)('%s', (_, from, input, url, state, reports) => {
    expect(stepTour(tour, from, input, url, matchUrl)).toEqual({ state, reports })
  })

  it('pauses on a missing target when the tour says so', () => {
    expect(stepTour({ ...tour, onMissingTarget: 'pause' }, at(1), { type: 'missing' }, HOME, matchUrl)).toEqual({
      state: at(1, 'paused'),
      reports: [{ type: 'missing', index: 1 }, { type: 'paused', index: 1 }],
    })
  })

  it('Back is offered only where it goes somewhere', () => {
    expect([at(0), at(2), at(3), at(4), at(4, 'away')].map((s) => canGoBack(tour, s, BOARD, matchUrl))).toEqual([false, true, false, true, false])
  })
})

const step = fc.record({
  url: fc.option(fc.constantFrom('/', '/board'), { nil: undefined }),
  advanceOn: fc.option(fc.constantFrom<'next' | 'click' | { event: string }>('next', 'click', { event: 'a' }, { event: 'b' }), { nil: undefined }),
})
const tours = fc.record({ steps: fc.array(step, { minLength: 1, maxLength: 8 }), onMissingTarget: fc.constantFrom<'skip' | 'pause'>('skip', 'pause') })
const inputs = fc.array(
  fc.oneof(
    fc.constantFrom<TourInput>({ type: 'next' }, { type: 'back' }, { type: 'click' }, { type: 'missing' }, { type: 'close', reason: 'close' }),
    fc.constantFrom('a', 'b').map((name): TourInput => ({ type: 'event', name })),
    fc.constantFrom(HOME, BOARD).map((url): TourInput => ({ type: 'page', url })),
  ),
  { maxLength: 40 },
)

describe('properties', () => {
  it('never skips a step silently: every move is one step and reported, leaving without the step action reports missing', () => {
    fc.assert(
      fc.property(tours, fc.constantFrom(HOME, BOARD), inputs, (t, start, list) => {
        let url: string = start
        let state = startTour(t, url, 0, matchUrl)
        for (const input of list) {
          if (input.type === 'page') url = input.url
          const { state: next, reports } = stepTour(t, state, input, url, matchUrl)
          const moved = next.index - state.index
          expect(Math.abs(moved)).toBeLessThanOrEqual(1)
          if (moved !== 0) expect(reports.at(-1)).toEqual({ type: 'step', index: next.index })
          if (moved === 1 && input.type === 'missing') expect(reports[0]).toEqual({ type: 'missing', index: state.index })
          if (moved === 1 && input.type !== 'missing') expect(input.type).not.toBe('back')
          if (next.phase === 'completed') expect(state.index).toBe(t.steps.length - 1)
          state = next
        }
      }),
    )
  })

  it('resume is idempotent and lands on the step reached', () => {
    fc.assert(
      fc.property(tours, fc.constantFrom(HOME, BOARD), fc.integer({ min: -3, max: 12 }), (t, url, from) => {
        const once = startTour(t, url, from, matchUrl)
        expect(startTour(t, url, once.index, matchUrl)).toEqual(once)
        expect(once.index).toBeGreaterThanOrEqual(0)
        expect(once.index).toBeLessThan(t.steps.length)
      }),
    )
  })

  it('a final phase ignores every input', () => {
    fc.assert(
      fc.property(tours, inputs, fc.constantFrom<TourState['phase']>('completed', 'dismissed', 'paused'), (t, list, phase) => {
        const state = { index: 0, phase }
        for (const input of list) expect(stepTour(t, state, input, HOME, matchUrl)).toEqual({ state, reports: [] })
      }),
    )
  })
})
