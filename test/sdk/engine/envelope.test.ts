import fc from 'fast-check'
import { check, envelopeSchema, FLOW_KINDS, TRAIT_OPS, COUNT_OPS } from '@cairn/protocol'
import { describe, expect, it } from 'vitest'
import { checkEnvelope, validateFlows } from '../../../packages/sdk/src/engine/index.ts'
import { ruleTree } from './rule-tree.ts'

const long = (n: number) => 'x'.repeat(n)
/** Values at and around every bound in the envelope, and of every type. */
const edges: unknown[] = [
  0, -0, 1, -1, 0.5, 0.95, 0.9500001, 1.5, 2, 1000, 1001, -1000, -1001, 864e5, 864e5 + 1, NaN, Infinity, -Infinity,
  '', 'a', 'fa', 'pt-BR', 'EN', 'en-', 'a b', long(128), long(129), long(200), long(201), long(1024), long(1025),
  true, false, null, undefined, [], [1], ['a'], {}, { a: 1 }, 'once', 'until_completed', 'tour', 'nope', 'eq', 'exists',
  { segment: 'x' }, { everyDays: 1 }, Array(51).fill('/a'), Array(51).fill({ segment: 'x' }), Array(501).fill(1), Array(500).fill('a'),
]
const edge = fc.constantFrom(...edges)
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })

/** Flows built from two pools: `ok` values that fit every field, and `any` values that may not. */
function flows(any: boolean) {
  const pick = <T>(ok: fc.Arbitrary<T>) => (any ? fc.oneof(ok, edge) : ok)
  const name = pick(fc.oneof(fc.constantFrom('plan', 'x.y', long(200)), fc.string({ minLength: 1, maxLength: 4 })))
  const positive = pick(fc.oneof(fc.constantFrom(0, 0.5, Infinity), fc.nat(50)))
  const whole = (min: number, max: number) => pick(fc.integer({ min, max }))
  const leaf = fc.oneof(
    fc.record({
      trait: name, op: pick(fc.constantFrom(...TRAIT_OPS)),
      value: maybe(pick(fc.oneof(name, fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.oneof(name, fc.integer()), { maxLength: 3 })))),
    }, { requiredKeys: ['trait', 'op'] }),
    fc.record({ event: name, op: pick(fc.constantFrom(...COUNT_OPS)), count: whole(0, 9), withinDays: maybe(positive) }, { requiredKeys: ['event', 'op', 'count'] }),
    fc.record({ segment: name }),
  )
  const rule = ruleTree(leaf)
  const url = fc.constantFrom('/home', '/projects/*?tab=x', long(1024))
  const trigger = fc.record({
    url: pick(fc.oneof(url, fc.array(url, { minLength: 1, maxLength: 3 }))),
    event: fc.record({ name, count: whole(1, 5), withinDays: positive }, { requiredKeys: ['name'] }),
    delayMs: whole(0, 864e5), daysSinceFirstSeen: positive, inactiveDays: positive, milestone: name,
  }, { requiredKeys: [] })
  const tag = fc.constantFrom('en', 'fa', 'pt-BR', 'zh-Hant-TW', ...(any ? ['EN', 'e', 'english', 'en-', 'a b'] : []))
  return fc.record({
    $schema: pick(fc.constantFrom('https://example.com/flow.json', '', long(1024))),
    id: pick(fc.constantFrom('welcome', 'a.b_c-1', '0', long(128))),
    kind: pick(fc.constantFrom(...FLOW_KINDS)),
    name: pick(fc.constantFrom('', 'Welcome', long(200))), version: whole(0, 9), trigger, audience: rule,
    frequency: pick(fc.oneof(fc.constantFrom('once', 'until_completed'), fc.record({ everyDays: positive }))),
    priority: whole(-1000, 1000), holdout: pick(fc.constantFrom(0, 0.1, 0.95)), locale: tag,
    // valibot's records skip these keys, whatever their value.
    locales: fc.dictionary(fc.oneof(tag, fc.constantFrom('constructor', '__proto__', 'prototype')), pick(fc.constant({ title: 'Salam' })), { maxKeys: 2 }),
    steps: fc.constant([{ id: 's', title: 'Hi' }]),
  }, { requiredKeys: ['id', 'kind'] })
}
const valid = flows(false)
const wild = flows(true)

type Json = Record<string, unknown> | unknown[]
/** Every place inside `x` (objects and arrays), with its container and key. */
function places(x: unknown, out: [Json, string | number][] = []): [Json, string | number][] {
  if (x && typeof x === 'object') {
    for (const k of Object.keys(x)) {
      out.push([x as Json, Array.isArray(x) ? Number(k) : k])
      places((x as Record<string, unknown>)[k], out)
    }
  }
  return out
}
/** A valid-ish flow with one thing broken: a value replaced, a key removed, or a key added. */
const mutated = fc.tuple(valid, fc.nat(), fc.constantFrom('replace', 'delete', 'add'), edge).map(([f, pick, how, value]) => {
  const copy = structuredClone(f) as Record<string, unknown>
  const all = places(copy)
  const [parent, key] = all[pick % Math.max(all.length, 1)] ?? [copy, 'id']
  const record = parent as Record<string | number, unknown>
  if (how === 'replace') record[key] = value
  else if (how === 'delete' && !Array.isArray(parent)) delete record[key]
  else if (!Array.isArray(parent)) record[`${String(key)}2`] = value
  return copy
})

const schemaAccepts = (x: unknown) => check(envelopeSchema, x).ok

describe('checkEnvelope', () => {
  it('accepts exactly what the protocol’s envelopeSchema accepts', () => {
    fc.assert(
      fc.property(fc.oneof(valid, wild, mutated, edge), (x) => {
        const problem = checkEnvelope(x)
        expect(problem === undefined).toBe(schemaAccepts(x))
        if (problem) expect(problem.path).toMatch(/^\$/)
      }),
      { numRuns: 3000 },
    )
  })

  it('agrees on every single change (each edge value, a removed key, an added key) to sample flows', () => {
    let disagreements: unknown[] = []
    for (const f of fc.sample(valid, { numRuns: 40, seed: 7 })) {
      for (let i = 0; i < places(f).length; i++) {
        for (const how of ['replace', 'delete', 'add'] as const) {
          for (const value of how === 'replace' ? edges : [1]) {
            const x = structuredClone(f) as Record<string, unknown>
            const [parent, key] = places(x)[i]!
            const record = parent as Record<string | number, unknown>
            if (how === 'replace') record[key] = value
            else if (Array.isArray(parent)) continue
            else if (how === 'delete') delete record[key]
            else record[`${String(key)}2`] = value
            if ((checkEnvelope(x) === undefined) !== schemaAccepts(x)) disagreements = [...disagreements, x]
          }
        }
      }
    }
    expect(disagreements.slice(0, 3)).toEqual([])
  })

  it('finds flows of every shape valid and invalid (the generators cover both)', () => {
    const share = (a: fc.Arbitrary<unknown>) => fc.sample(a, { numRuns: 500, seed: 1 }).filter(schemaAccepts).length / 500
    expect(share(valid)).toBe(1)
    expect(share(wild)).toBeLessThan(0.5)
    expect(share(mutated)).toBeLessThan(0.8)
  })

  it.each<[unknown, string]>([
    ['junk', '$'],
    [{ kind: 'tour' }, '$.id'],
    [{ id: 'a', kind: 'popup' }, '$.kind'],
    [{ id: 'a', kind: 'tour', holdout: 3 }, '$.holdout'],
    [{ id: 'a', kind: 'tour', trigger: { url: [] } }, '$.trigger.url'],
    [{ id: 'a', kind: 'tour', trigger: { event: { name: 'x', count: 0 } } }, '$.trigger.event.count'],
    [{ id: 'a', kind: 'tour', trigger: { onClick: 1 } }, '$.trigger.onClick'],
    [{ id: 'a', kind: 'tour', audience: { and: [{ segment: 'x' }, { trait: 'plan', op: 'like', value: 'x' }] } }, '$.audience.and[1].op'],
    [{ id: 'a', kind: 'tour', audience: { not: { segment: 'x', trait: 'y' } } }, '$.audience.not.op'],
    [{ id: 'a', kind: 'tour', audience: { plan: 'pro' } }, '$.audience'],
    [{ id: 'a', kind: 'tour', frequency: { everyDays: -1 } }, '$.frequency.everyDays'],
    [{ id: 'a', kind: 'tour', locales: { fa: 'x' } }, '$.locales.fa'],
  ])('reports the first problem in %j at %s', (x, path) => {
    expect(checkEnvelope(x)?.path).toBe(path)
  })

  it('keeps valid flows as given, with their kind’s own fields', () => {
    const f = { id: 'a', kind: 'tour', steps: [{ id: 's' }], audience: { or: [] } }
    expect(validateFlows([f]).flows[0]).toBe(f)
  })
})
