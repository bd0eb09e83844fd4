import fc from 'fast-check'
import type { FlowEnvelope } from '@cairn/protocol'
import { describe, expect, it } from 'vitest'
import { VISIT_GAP, createFlowEngine, inShare, isModal } from '../../../packages/sdk/src/engine/index.ts'
import { fakeDeps } from './fake-deps.ts'

/** Enough microtask turns for render → handle → mark with the in-memory fakes. */
const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}

const kinds = [
  { kind: 'tour', steps: [{ id: 's', title: 't' }] },
  { kind: 'survey', questions: [{ id: 'q', type: 'nps', prompt: '?' }] },
  { kind: 'checklist', title: 't', items: [{ id: 'i', title: 't' }] },
  { kind: 'announcement', style: 'modal', title: 't' },
  { kind: 'announcement', style: 'banner', title: 't' },
  { kind: 'announcement', style: 'slideout', title: 't' },
]
const flowArb = (id: string) =>
  fc.record({
    body: fc.constantFrom(...kinds),
    trigger: fc.option(
      fc.oneof(
        fc.constant({}),
        fc.record({ url: fc.constantFrom('/a', '/b/*') }),
        fc.record({ event: fc.record({ name: fc.constantFrom('x', 'y'), count: fc.integer({ min: 1, max: 2 }) }) }),
        fc.record({ delayMs: fc.constantFrom(1000, 60_000) }),
        fc.constant({ milestone: 'm' }),
      ),
      { nil: undefined },
    ),
    frequency: fc.constantFrom('once', 'until_completed', { everyDays: 0 }),
    priority: fc.integer({ min: 0, max: 3 }),
    holdout: fc.constantFrom(0, 0.5),
  }).map(({ body, trigger, ...rest }) => ({ id, ...body, ...rest, ...(trigger && { trigger }) }))

const op = fc.oneof(
  fc.record({ t: fc.constant('track' as const), name: fc.constantFrom('x', 'y') }),
  fc.record({ t: fc.constant('navigate' as const), url: fc.constantFrom('/a', '/b/1', '/c') }),
  fc.record({ t: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 20 * 60_000 }) }),
  fc.record({ t: fc.constant('end' as const), how: fc.constantFrom('complete', 'dismiss', 'close', 'step'), pick: fc.nat(5) }),
  fc.record({ t: fc.constant('show' as const), id: fc.constantFrom('f0', 'f1', 'f2', 'f3') }),
  fc.record({ t: fc.constant('milestone' as const) }),
)

describe('flow engine runtime, under any sequence of events', () => {
  it('never shows two modal widgets at once, never shows a held-out user a flow, keeps caps and frequency', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(flowArb('f0'), flowArb('f1'), flowArb('f2'), flowArb('f3')),
        fc.array(op, { maxLength: 25 }),
        fc.constantFrom('u1', 'u2', 'u3', 'u4'),
        async (flows, ops, userId) => {
          const { deps, fake } = fakeDeps({ user: { anonymousId: 'anon', userId }, url: '/a' })
          const perSession = 2
          const engine = createFlowEngine(deps, { flows, limits: { perSession, perDay: 3 } })
          const check = () => {
            expect(fake.open.filter((r) => isModal(r.flow)).length).toBeLessThanOrEqual(1)
            for (const r of fake.rendered) {
              const f = flows.find((x) => x.id === r.flow.id)!
              expect(f.holdout > 0 && inShare(userId, f.id, f.holdout)).toBe(false)
            }
            const auto = fake.rendered.filter((r) => r.controls.via === 'auto')
            // A run spans less than a day, so the day cap always holds.
            expect(auto.length).toBeLessThanOrEqual(3)
            for (const f of flows.filter((x) => x.frequency === 'once')) {
              expect(auto.filter((r) => r.flow.id === f.id).length).toBeLessThanOrEqual(1)
            }
          }
          await flush()
          check()
          for (const o of ops) {
            if (o.t === 'track') engine.track(o.name)
            else if (o.t === 'navigate') engine.navigate(o.url)
            else if (o.t === 'advance') await fake.advance(o.ms)
            else if (o.t === 'show') engine.show(o.id)
            else if (o.t === 'milestone') engine.milestone('m')
            else {
              const r = fake.open[o.pick % Math.max(1, fake.open.length)]
              if (r) o.how === 'step' ? r.controls.step(1) : r.controls[o.how]()
            }
            await flush()
            check()
          }
          // Within one visit (less than 30 minutes in all, so no gap that long), the session cap holds.
          const elapsed = ops.reduce((sum, o) => sum + (o.t === 'advance' ? o.ms : 0), 0)
          if (elapsed < VISIT_GAP) expect(fake.rendered.filter((r) => r.controls.via === 'auto').length).toBeLessThanOrEqual(perSession)
          engine.destroy()
          expect(fake.open).toEqual([])
        },
      ),
      { numRuns: 150 },
    )
  })

  it('is monotonic in time for frequency: a flow blocked by frequency stays blocked until its time, whatever happens', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 20 }), async (ops) => {
        const flows: FlowEnvelope[] = [{ id: 'once', kind: 'announcement', style: 'banner', trigger: {} } as FlowEnvelope]
        const { deps, fake } = fakeDeps({ url: '/a' })
        const engine = createFlowEngine(deps, { flows })
        await flush()
        fake.open[0]?.controls.dismiss()
        for (const o of ops) {
          if (o.t === 'track') engine.track(o.name)
          else if (o.t === 'navigate') engine.navigate(o.url)
          else if (o.t === 'advance') await fake.advance(o.ms * 100)
          else if (o.t === 'milestone') engine.milestone('m')
          await flush()
        }
        expect(fake.rendered).toHaveLength(1)
        expect(fake.events.filter(([t]) => t === 'flow_shown')).toHaveLength(1)
      }),
      { numRuns: 80 },
    )
  })
})
