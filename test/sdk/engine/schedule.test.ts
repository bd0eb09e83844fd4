import fc from 'fast-check'
import type { FlowEnvelope } from '@cairn/protocol'
import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, decide, emptyState, touch, type DecideInput } from '../../../packages/sdk/src/engine/index.ts'
import { scheduleFails } from '../../../packages/sdk/src/engine/schedule.ts'
import { isLive } from '../../../packages/sdk/src/widgets/announcement/schedule.ts'

const now = Date.parse('2026-11-22T12:00:00Z')
const news = (extra: Record<string, unknown> = {}): FlowEnvelope => ({ id: 'news', kind: 'announcement', style: 'banner', trigger: {}, ...extra }) as FlowEnvelope
const run = (flows: FlowEnvelope[], asks: DecideInput['asks'] = []) =>
  decide({ flows, asks, state: touch(emptyState(), now - 60_000), user: 'u', traits: {}, url: '/', now, since: {}, screen: {}, failed: {}, limits: DEFAULT_LIMITS })[0]

describe('announcement scheduling in the engine', () => {
  it.each([
    ['no window', {}, 'now', undefined],
    ['published', { publishAt: '2026-11-01T00:00:00Z' }, 'now', undefined],
    ['not yet published: later, at publishAt', { publishAt: '2026-11-23T00:00:00Z' }, 'later', Date.parse('2026-11-23T00:00:00Z')],
    ['expired', { expireAt: '2026-11-22T12:00:00Z' }, 'never', undefined],
  ] as const)('%s', (_, window, verdict, at) => {
    const d = run([news(window)])
    expect([d?.verdict, d?.at]).toEqual([verdict, at])
  })

  it('says why', () => {
    expect(run([news({ expireAt: '2026-11-01T00:00:00Z' })])?.reason).toBe('expireAt "2026-11-01T00:00:00Z"')
  })

  it('holds for show*() too, unless forced', () => {
    const flow = news({ expireAt: '2026-11-01T00:00:00Z', trigger: undefined })
    expect(run([], [{ flow, at: now }])?.verdict).toBe('never')
    expect(run([], [{ flow, at: now, force: true }])?.verdict).toBe('now')
  })

  it('leaves other kinds alone', () => {
    expect(scheduleFails({ id: 't', kind: 'tour', publishAt: '2999-01-01T00:00:00Z' } as unknown as FlowEnvelope, now)).toBeUndefined()
  })

  it("agrees with the widget's own window check", () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 0, max: 4e12 }), { nil: undefined }), fc.option(fc.integer({ min: 0, max: 4e12 }), { nil: undefined }), fc.integer({ min: 0, max: 4e12 }), (start, end, t) => {
        const window = { ...(start !== undefined && { publishAt: new Date(start).toISOString() }), ...(end !== undefined && { expireAt: new Date(end).toISOString() }) }
        expect(scheduleFails(news(window), t) === undefined).toBe(isLive({ id: 'news', ...window }, t))
      }),
    )
  })
})
