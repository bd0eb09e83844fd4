import type { FlowEnvelope } from '@cairn/protocol'
import { describe, expect, it } from 'vitest'
import { DAY, DEFAULT_LIMITS, capFails, cooldownFails, isModal } from '../../../packages/sdk/src/engine/index.ts'

const flow = (kind: FlowEnvelope['kind'], extra: Record<string, unknown> = {}) => ({ id: 'f', kind, ...extra }) as FlowEnvelope

describe('attention budget', () => {
  it.each<[FlowEnvelope, boolean]>([
    [flow('tour'), true],
    [flow('survey'), true],
    [flow('survey', { display: 'popover' }), true],
    [flow('announcement', { style: 'modal' }), true],
    [flow('announcement', { style: 'slideout' }), true],
    [flow('announcement', { style: 'banner' }), false],
    [flow('announcement', { style: 'hotspot' }), false],
    [flow('checklist'), false],
  ])('%j is modal-class: %s', (f, expected) => {
    expect(isModal(f)).toBe(expected)
  })

  it('has sensible defaults', () => {
    expect(DEFAULT_LIMITS).toEqual({ perSession: 3, perDay: 5, surveyCooldownDays: 14 })
  })

  const limits = { perSession: 2, perDay: 3, surveyCooldownDays: 14 }
  const now = 10 * DAY
  it.each<[string, number[], number, 'ok' | 'never' | number]>([
    ['nothing shown yet', [], now - 1000, 'ok'],
    ['one this session', [now - 500], now - 1000, 'ok'],
    ['session cap', [now - 900, now - 500], now - 1000, 'never'],
    ['earlier sessions do not count for the session cap', [now - 5 * 3600_000, now - 500], now - 1000, 'ok'],
    ['day cap frees when the oldest turns 24 h old', [now - 20 * 3600_000, now - 10 * 3600_000, now - 500], now - 400, now + 4 * 3600_000],
    ['older than a day does not count', [now - DAY - 1, now - DAY, now - 10 * 3600_000], now - 400, 'ok'],
  ])('%s', (_, auto, visitStart, expected) => {
    const b = capFails(auto, now, visitStart, limits)
    expect(b === undefined ? 'ok' : (b.at ?? 'never')).toBe(expected)
  })

  it('a cap of 0 turns automatic flows off', () => {
    expect(capFails([], now, now, { ...limits, perSession: 0 })?.why).toBe('cap perSession 0')
    expect(capFails([], now, now, { ...limits, perDay: 0 })).toEqual({ why: 'cap perDay 0' })
  })

  it('keeps surveys apart by the cooldown', () => {
    expect(cooldownFails(undefined, now, 14)).toBeUndefined()
    expect(cooldownFails(now - 13 * DAY, now, 14)).toEqual({ why: 'cap surveyCooldownDays 14', at: now + DAY })
    expect(cooldownFails(now - 14 * DAY, now, 14)).toBeUndefined()
    expect(cooldownFails(now - 1, now, 0)).toBeUndefined()
  })
})
