import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { MAX_WHERE, parseAudience, parseWhere } from '../../packages/collector/src/results/audience.ts'

describe('parseWhere: one trait filter of a results request', () => {
  it.each([
    ['plan:pro', { trait: 'plan', op: 'eq', value: 'pro' }],
    ['plan=pro', { trait: 'plan', op: 'eq', value: 'pro' }],
    ['plan!=free', { trait: 'plan', op: 'neq', value: 'free' }],
    ['plan:pro|team', { trait: 'plan', op: 'in', value: ['pro', 'team'] }],
    ['plan!=free|trial', { trait: 'plan', op: 'nin', value: ['free', 'trial'] }],
    ['company.size>50', { trait: 'company.size', op: 'gt', value: 50 }],
    ['company.size>=50', { trait: 'company.size', op: 'gte', value: 50 }],
    ['seats<3', { trait: 'seats', op: 'lt', value: 3 }],
    ['seats<=-1.5', { trait: 'seats', op: 'lte', value: -1.5 }],
    ['signedUp>=2026-01-01', { trait: 'signedUp', op: 'gte', value: '2026-01-01' }],
    ['seats:5', { trait: 'seats', op: 'eq', value: 5 }],
    ['code:"5"', { trait: 'code', op: 'eq', value: '5' }],
    ['trial:true', { trait: 'trial', op: 'eq', value: true }],
    ['tags~beta', { trait: 'tags', op: 'contains', value: 'beta' }],
    ['email~@acme.com', { trait: 'email', op: 'contains', value: '@acme.com' }],
    ['home:https://a.example/x', { trait: 'home', op: 'eq', value: 'https://a.example/x' }],
    ['city:تهران', { trait: 'city', op: 'eq', value: 'تهران' }],
    ['company?', { trait: 'company', op: 'exists' }],
    ['!company?', { trait: 'company', op: 'missing' }],
    ['  plan:pro  ', { trait: 'plan', op: 'eq', value: 'pro' }],
  ])('%s', (text, rule) => {
    expect(parseWhere(text)).toEqual(rule)
  })

  it.each([
    ['plan', 'is not a trait rule'],
    ['', 'is not a trait rule'],
    [':pro', 'is not a trait rule'],
    ['plan:', 'nothing to compare plan with after ":"'],
    ['size>', 'nothing to compare size with after ">"'],
    ['!plan:pro', '"!" goes only before a trait with "?"'],
    ['size>true', '">" compares with a number or a text'],
    [`${'t'.repeat(201)}:x`, 'a trait name is at most 200 characters'],
    [`plan:${'x'.repeat(201)}`, 'a value is at most 200 characters'],
  ])('%j is refused: %s', (text, problem) => {
    const answer = parseWhere(text)
    expect(typeof answer).toBe('string')
    expect(answer).toContain(problem)
    expect(answer).toMatch(/^"where": "/)
  })

  it('names the offending filter, shortened when long', () => {
    expect(parseWhere(`x>${'y'.repeat(201)}`)).toBe(`"where": ${JSON.stringify(`x>${'y'.repeat(78)}…`)}: a value is at most 200 characters`)
  })

  it('any text gets a rule or a problem naming it, never a throw', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => {
      const answer = parseWhere(text)
      if (typeof answer === 'string') expect(answer.startsWith('"where": ')).toBe(true)
      else expect(answer.trait.length).toBeGreaterThan(0)
    }))
  })
})

describe('parseAudience: where, locale and segment together', () => {
  it('reads every part, lower-casing the locale', () => {
    expect(parseAudience({ where: ['plan:pro', 'company.size>50'], locale: 'fa-IR', segment: 'eu' })).toEqual({
      where: [{ trait: 'plan', op: 'eq', value: 'pro' }, { trait: 'company.size', op: 'gt', value: 50 }],
      locale: 'fa-ir',
      segment: 'eu',
    })
    expect(parseAudience({ where: [] })).toEqual({ where: [] })
  })

  it.each([
    [{ where: ['plan:pro', 'bad'] }, '"where": "bad" is not a trait rule'],
    [{ where: Array.from({ length: MAX_WHERE + 1 }, () => 'plan:pro') }, `"where": at most ${MAX_WHERE} filters, not ${MAX_WHERE + 1}`],
    [{ where: [], locale: 'Persian' }, '"locale": "Persian" is not a language tag'],
    [{ where: [], locale: '' }, '"locale": "" is not a language tag'],
    [{ where: [], segment: '' }, '"segment": a segment name of 1 to 200 characters'],
  ])('%j → %s', (query, problem) => {
    expect(parseAudience(query)).toContain(problem)
  })
})
