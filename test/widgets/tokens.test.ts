import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { resolveToken, type TokenUser } from '../../packages/sdk/src/content/tokens.ts'
import { numberFormatter } from '../../packages/sdk/src/i18n/numbers.ts'

const user: TokenUser = { id: 'u-42', traits: { firstName: 'Sara', empty: ' ', plan: { name: 'Pro' }, projects: 3, admin: true, list: ['a'] } }

describe('resolveToken', () => {
  it.each([
    ['user.firstName', 'Sara'],
    [' user.firstName | there ', 'Sara'],
    ['user.lastName|there', 'there'],
    ['user.lastName', ''],
    ['user.empty|fallback', 'fallback'],
    ['user.plan.name', 'Pro'],
    ['user.plan', ''],
    ['user.admin|no', 'no'],
    ['user.list|no', 'no'],
    ['user.projects', '3'],
    ['user.id', 'u-42'],
    ['user|x', 'x'],
    ['traits.firstName|x', 'x'],
    ['firstName|x', 'x'],
    ['user.constructor|x', 'x'],
    ['user.constructor.name|x', 'x'],
    ['user.__proto__|x', 'x'],
    ['user.plan.__proto__.toString|x', 'x'],
    ['user.firstName.length|x', 'x'],
    ['user.toString|x', 'x'],
    ['user.hasOwnProperty|x', 'x'],
    ['constructor.constructor("alert(1)")()', ''],
    ['constructor.constructor("alert(1)")()|x', 'x'],
    ['user["firstName"]|x', 'x'],
    ['user.firstName()|x', 'x'],
  ])('%j → %j', (expr, expected) => {
    expect(resolveToken(expr, user, String)).toBe(expected)
  })

  it('formats numbers with the locale digits and ignores non-finite ones', () => {
    expect(resolveToken('user.projects', user, numberFormatter('fa'))).toBe('۳')
    expect(resolveToken('user.projects', user, numberFormatter('ar'))).toBe('٣')
    expect(resolveToken('user.n|none', { traits: { n: Number.NaN } }, String)).toBe('none')
  })

  it('with no user, every token is its fallback', () => {
    expect(resolveToken('user.firstName|there', undefined, String)).toBe('there')
  })

  it('property: the result is the fallback or an own string/number value reachable by the path', () => {
    const key = fc.constantFrom('firstName', 'a', 'constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'b')
    const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(key, tie('node'), { maxKeys: 3 })),
    })).node
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 4 }), fc.array(key, { minLength: 1, maxLength: 4 }), fc.string({ maxLength: 5 }), (traits, path, fallback) => {
        const fb = fallback.replace(/\|/g, '').trim()
        const result = resolveToken(`user.${path.join('.')}|${fb}`, { traits }, String)
        let node: unknown = traits
        for (const k of path) node = node !== null && typeof node === 'object' && Object.hasOwn(node, k) && !['__proto__', 'constructor', 'prototype'].includes(k) ? (node as Record<string, unknown>)[k] : undefined
        const expected = typeof node === 'number' ? String(node) : typeof node === 'string' && node.trim() ? node : fb
        expect(result).toBe(expected)
      }),
    )
  })
})
