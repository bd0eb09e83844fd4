import type { Trigger } from '@cairn/protocol'
import { describe, expect, it } from 'vitest'
import { DAY, delayFails, triggerFails, type TriggerContext } from '../../../packages/sdk/src/engine/index.ts'

const now = 1000 * DAY
const ctx: TriggerContext = {
  traits: {}, events: { login: 3, export: 1 }, times: { login: [now - 20 * DAY, now - 2 * DAY, now - 1000] }, now,
  url: 'https://app.example.com/projects/7?tab=board', milestones: { first_project: now - DAY },
  firstSeen: now - 10 * DAY, prevSeen: now - 40 * DAY, visitStart: now - 60_000,
}
const verdict = (t: Trigger, c: Partial<TriggerContext> = {}) => {
  const b = triggerFails(t, { ...ctx, ...c })
  return b === undefined ? 'now' : b.at === undefined ? 'never' : b.at
}

describe('triggers', () => {
  it.each<[string, Trigger, Partial<TriggerContext>, 'now' | 'never' | number]>([
    ['empty trigger', {}, {}, 'now'],
    ['url pattern', { url: '/projects/*' }, {}, 'now'],
    ['url pattern list', { url: ['/inbox', '/projects/**'] }, {}, 'now'],
    ['url elsewhere', { url: '/inbox' }, {}, 'never'],
    ['url with query', { url: '/projects/*?tab=board' }, {}, 'now'],
    ['event once', { event: { name: 'export' } }, {}, 'now'],
    ['event not yet', { event: { name: 'share' } }, {}, 'never'],
    ['event 3 times', { event: { name: 'login', count: 3 } }, {}, 'now'],
    ['event 4 times', { event: { name: 'login', count: 4 } }, {}, 'never'],
    ['event 2 times within 7 days', { event: { name: 'login', count: 2, withinDays: 7 } }, {}, 'now'],
    ['event 3 times within 7 days', { event: { name: 'login', count: 3, withinDays: 7 } }, {}, 'never'],
    ['milestone reached', { milestone: 'first_project' }, {}, 'now'],
    ['milestone not reached', { milestone: 'invited' }, {}, 'never'],
    ['days since first seen, passed', { daysSinceFirstSeen: 7 }, {}, 'now'],
    ['days since first seen, later', { daysSinceFirstSeen: 14 }, {}, now + 4 * DAY],
    ['days since first seen, brand-new user', { daysSinceFirstSeen: 1 }, { firstSeen: undefined }, now + DAY],
    ['inactive 30 days', { inactiveDays: 30 }, {}, 'now'],
    ['inactive 60 days', { inactiveDays: 60 }, {}, 'never'],
    ['inactive on a first visit', { inactiveDays: 0 }, { prevSeen: undefined }, 'never'],
    ['inactivity is measured before the visit, not now', { inactiveDays: 30 }, { prevSeen: now - 31 * DAY, visitStart: now - 2 * DAY }, 'never'],
    ['all fields hold', { url: '/projects/*', event: { name: 'login', count: 2 }, milestone: 'first_project', inactiveDays: 30, daysSinceFirstSeen: 3 }, {}, 'now'],
    ['one field fails: AND', { url: '/projects/*', milestone: 'invited' }, {}, 'never'],
    ['a field that never holds beats one that will', { url: '/inbox', daysSinceFirstSeen: 14 }, {}, 'never'],
  ])('%s', (_, trigger, c, expected) => {
    expect(verdict(trigger, c)).toBe(expected)
  })

  it('names the field that decided', () => {
    expect(triggerFails({ url: '/inbox' }, ctx)?.why).toBe('trigger url "/inbox" does not match https://app.example.com/projects/7?tab=board')
    expect(triggerFails({ event: { name: 'login', count: 5 } }, ctx)?.why).toBe('trigger event {"name":"login","count":5}')
    expect(triggerFails({ inactiveDays: 60 }, ctx)?.why).toBe('trigger inactiveDays 60')
  })

  it('delays from when the other conditions began to hold', () => {
    expect(delayFails({ delayMs: 3000 }, { ...ctx, since: now - 1000 })).toEqual({ why: 'trigger delayMs 3000', at: now + 2000 })
    expect(delayFails({ delayMs: 3000 }, { ...ctx, since: now - 3000 })).toBeUndefined()
    expect(delayFails({ delayMs: 3000 }, ctx)?.at).toBe(now + 3000)
    expect(delayFails({}, ctx)).toBeUndefined()
  })
})
