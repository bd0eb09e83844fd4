import fc from 'fast-check'
import type { Rule } from '@cairn/protocol'
import { describe, expect, it } from 'vitest'
import { audienceFails, DAY, traitAt, windowedEvents, type RuleContext } from '../../../packages/sdk/src/engine/index.ts'
import { ruleTree } from './rule-tree.ts'

const now = 100 * DAY
const ctx: RuleContext = {
  traits: {
    plan: 'pro', seats: 5, openTickets: 0, beta: true, signedUpAt: '2026-03-01', nothing: null,
    company: { name: 'Acme', size: 40 }, 'odd.key': 'dotted', tags: ['admin', 'eu'], segments: ['beta-testers', 'eu'],
  },
  events: { export: 3, login: 12 },
  times: { login: [now - 10 * DAY, now - 2 * DAY, now - DAY, now - 1000] },
  now,
}
const pass = (rule: Rule, c = ctx) => audienceFails(rule, c) === undefined

describe('audience rules', () => {
  it.each<[string, Rule, boolean]>([
    ['eq string', { trait: 'plan', op: 'eq', value: 'pro' }, true],
    ['eq other', { trait: 'plan', op: 'eq', value: 'free' }, false],
    ['eq is strict', { trait: 'seats', op: 'eq', value: '5' }, false],
    ['eq null', { trait: 'nothing', op: 'eq', value: null }, true],
    ['neq', { trait: 'plan', op: 'neq', value: 'free' }, true],
    ['neq on a missing trait', { trait: 'missing', op: 'neq', value: 'x' }, true],
    ['in', { trait: 'plan', op: 'in', value: ['pro', 'team'] }, true],
    ['in, not listed', { trait: 'plan', op: 'in', value: ['free'] }, false],
    ['in without a list', { trait: 'plan', op: 'in', value: 'pro' }, false],
    ['contains in an array', { trait: 'tags', op: 'contains', value: 'admin' }, true],
    ['contains not in an array', { trait: 'tags', op: 'contains', value: 'us' }, false],
    ['contains in a string', { trait: 'plan', op: 'contains', value: 'r' }, true],
    ['contains on a number', { trait: 'seats', op: 'contains', value: 5 }, false],
    ['gt', { trait: 'seats', op: 'gt', value: 4 }, true],
    ['gt equal', { trait: 'seats', op: 'gt', value: 5 }, false],
    ['gte equal', { trait: 'seats', op: 'gte', value: 5 }, true],
    ['lt', { trait: 'seats', op: 'lt', value: 6 }, true],
    ['lte', { trait: 'seats', op: 'lte', value: 4 }, false],
    ['gt on a missing trait', { trait: 'missing', op: 'gt', value: 0 }, false],
    ['lt across types', { trait: 'seats', op: 'lt', value: '9' }, false],
    ['ISO dates compare as text', { trait: 'signedUpAt', op: 'gte', value: '2026-01-01' }, true],
    ['exists', { trait: 'plan', op: 'exists' }, true],
    ['exists on null', { trait: 'nothing', op: 'exists' }, false],
    ['exists false', { trait: 'missing', op: 'exists', value: false }, true],
    ['dotted path', { trait: 'company.size', op: 'gte', value: 10 }, true],
    ['a key with a dot wins over the path', { trait: 'odd.key', op: 'eq', value: 'dotted' }, true],
    ['missing path', { trait: 'company.owner.name', op: 'exists' }, false],
    ['no prototype traits', { trait: 'constructor', op: 'exists' }, false],
    ['no prototype through a path', { trait: 'company.toString', op: 'exists' }, false],
    ['event count', { event: 'export', op: 'gte', count: 3 }, true],
    ['event count eq', { event: 'export', op: 'eq', count: 2 }, false],
    ['never tracked', { event: 'share', op: 'eq', count: 0 }, true],
    ['event count within days', { event: 'login', op: 'eq', count: 3, withinDays: 7 }, true],
    ['event count within a day', { event: 'login', op: 'lt', count: 2, withinDays: 1 }, true],
    ['segment', { segment: 'beta-testers' }, true],
    ['not in segment', { segment: 'staff' }, false],
    ['and', { and: [{ trait: 'plan', op: 'eq', value: 'pro' }, { segment: 'eu' }] }, true],
    ['and with a failure', { and: [{ trait: 'plan', op: 'eq', value: 'pro' }, { segment: 'us' }] }, false],
    ['empty and', { and: [] }, true],
    ['or', { or: [{ segment: 'us' }, { segment: 'eu' }] }, true],
    ['or all failing', { or: [{ segment: 'us' }, { segment: 'apac' }] }, false],
    ['empty or', { or: [] }, false],
    ['suppression passes with no open tickets', { not: { trait: 'openTickets', op: 'gt', value: 0 } }, true],
    ['double not', { not: { not: { segment: 'eu' } } }, true],
  ])('%s', (_, rule, expected) => {
    expect(pass(rule)).toBe(expected)
  })

  it('suppresses a user with open tickets, and says which part of the rule failed', () => {
    const rule: Rule = { and: [{ trait: 'plan', op: 'eq', value: 'pro' }, { not: { trait: 'openTickets', op: 'gt', value: 0 } }] }
    const c = { ...ctx, traits: { ...ctx.traits, openTickets: 2 } }
    expect(audienceFails(rule, c)).toBe('{"not":{"trait":"openTickets","op":"gt","value":0}}')
    expect(audienceFails({ trait: 'plan', op: 'eq', value: 'free' }, ctx)).toBe('{"trait":"plan","op":"eq","value":"free"}')
    expect(audienceFails({ trait: 'missing', op: 'exists' }, ctx)).toBe('{"trait":"missing","op":"exists"}')
  })

  it('finds event names counted within a window', () => {
    const flows = [
      { id: 'a', kind: 'tour' as const, trigger: { event: { name: 'login', withinDays: 7 } } },
      { id: 'b', kind: 'tour' as const, audience: { or: [{ not: { event: 'export', op: 'gt' as const, count: 1, withinDays: 3 } }, { event: 'ever', op: 'gt' as const, count: 1 }] } },
    ]
    expect([...windowedEvents(flows)].sort()).toEqual(['export', 'login'])
  })

  it('reads dotted paths', () => {
    expect(traitAt({ a: { b: { c: 1 } } }, 'a.b.c')).toBe(1)
    expect(traitAt({ a: 1 }, 'a.b')).toBeUndefined()
  })

  const leaf: fc.Arbitrary<Rule> = fc.oneof(
    fc.record({ trait: fc.constantFrom('plan', 'seats', 'missing', 'tags'), op: fc.constantFrom('eq', 'neq', 'gt', 'lt', 'exists', 'contains', 'in' as const), value: fc.constantFrom('pro', 5, 'admin', ['pro'], null) }),
    fc.record({ event: fc.constantFrom('login', 'export', 'none'), op: fc.constantFrom('eq', 'gt', 'gte', 'lt', 'lte' as const), count: fc.nat(15) }),
    fc.record({ segment: fc.constantFrom('eu', 'us') }),
  ) as fc.Arbitrary<Rule>
  const rule = ruleTree(leaf)

  it('follows boolean logic: not flips, and/or agree with every/some, never throws', () => {
    fc.assert(
      fc.property(rule, fc.array(rule, { maxLength: 4 }), (r, rs) => {
        expect(pass({ not: r })).toBe(!pass(r))
        expect(pass({ and: rs })).toBe(rs.every((x) => pass(x)))
        expect(pass({ or: rs })).toBe(rs.some((x) => pass(x)))
        expect(pass({ not: { and: rs } })).toBe(pass({ or: rs.map((x) => ({ not: x })) }))
      }),
    )
  })

  /** The rule and every rule inside it, as JSON. */
  const parts = (r: Rule): string[] => [
    JSON.stringify(r),
    ...('and' in r ? r.and.flatMap(parts) : 'or' in r ? r.or.flatMap(parts) : 'not' in r ? parts(r.not) : []),
  ]

  it('a failing rule always gives a reason: the part of it that failed, as JSON', () => {
    fc.assert(
      fc.property(rule, (r) => {
        const why = audienceFails(r, ctx)
        if (why !== undefined) {
          expect(parts(r)).toContain(why)
          expect(audienceFails(JSON.parse(why) as Rule, ctx)).toBe(why)
        }
      }),
    )
  })
})
