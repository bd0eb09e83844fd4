import type { Problem } from '@cairn/protocol'
import { isObject } from './own.ts'

/** The first problem in `x`, whose JSON path is `at`. */
type Check = (x: any, at: string) => Problem | undefined

// Written out rather than imported: a value imported from the protocol pulls valibot into cairn.js.
// The envelope property test holds these lists and every bound below equal to `envelopeSchema`.
const COUNT_OPS = ['eq', 'gt', 'gte', 'lt', 'lte']
const TRAIT_OPS = [...COUNT_OPS, 'neq', 'in', 'contains', 'exists']
const FLOW_KINDS = ['tour', 'checklist', 'survey', 'announcement']

const fail = (path: string, message = 'invalid value'): Problem => ({ path, message })
const is = (ok: (x: any) => unknown): Check => (x, at) => (ok(x) ? undefined : fail(at))
const opt = (c: Check): Check => (x, at) => (x === undefined ? undefined : c(x, at))
const num = (min: number, max = Infinity, whole?: 1) => is((x) => typeof x == 'number' && x >= min && x <= max && (!whole || Number.isInteger(x)))
const str = (max: number, min = 1) => is((x) => typeof x == 'string' && x.length >= min && x.length <= max)
const re = (pattern: RegExp) => is((x) => typeof x == 'string' && pattern.test(x))
const oneOf = (list: readonly unknown[]) => is((x) => list.includes(x))
/** The first problem of all. */
const first = (problems: (Problem | undefined)[]) => problems.find(Boolean)
const list = (c: Check, max: number, min = 0): Check => (x, at) =>
  Array.isArray(x) && x.length >= min && x.length <= max ? first(x.map((v, i) => c(v, `${at}[${i}]`))) : fail(at)
/** An object with these entries; other keys are refused unless `loose`. */
const obj = (entries: Record<string, Check>, loose?: 1): Check => (x, at) =>
  isObject(x)
    ? first(Object.keys(entries).map((k) => (entries[k] as Check)(x[k], `${at}.${k}`))) ??
      first(Object.keys(x).map((k) => (loose || Object.hasOwn(entries, k) ? undefined : fail(`${at}.${k}`, 'unknown key'))))
    : fail(at)

const name = str(200)
const positive = opt(num(0))
const count = num(0, Infinity, 1)
const ruleList = list(rule, 50)
const number = (x: unknown) => typeof x == 'number' && x === x
const rules: Record<string, Check> = {
  and: obj({ and: ruleList }),
  or: obj({ or: ruleList }),
  not: obj({ not: rule }),
  trait: obj({
    trait: name,
    op: oneOf(TRAIT_OPS),
    value: opt((x, at) =>
      Array.isArray(x)
        ? list(is((y) => typeof y == 'string' || number(y)), 500)(x, at)
        : is((y) => y === null || number(y) || typeof y == 'string' || typeof y == 'boolean')(x, at)),
  }),
  event: obj({ event: name, op: oneOf(COUNT_OPS), count, withinDays: positive }),
  segment: obj({ segment: name }),
}
/** Rule shapes are strict objects with distinct keys, so the first key found names the only shape that can fit. */
function rule(x: unknown, at: string): Problem | undefined {
  const k = Object.keys(rules).find((k) => isObject(x) && k in x)
  return k ? (rules[k] as Check)(x, at) : fail(at)
}

const urlPattern = str(1024)
const tag = re(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)

const envelope = obj({
  $schema: opt(str(1024, 0)),
  id: re(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/),
  name: opt(str(200, 0)),
  version: opt(count),
  trigger: opt(obj({
    url: opt((x, at) => (Array.isArray(x) ? list(urlPattern, 50, 1) : urlPattern)(x, at)),
    event: opt(obj({ name, count: opt(num(1, Infinity, 1)), withinDays: positive })),
    delayMs: opt(num(0, 864e5, 1)),
    daysSinceFirstSeen: positive,
    inactiveDays: positive,
    milestone: opt(name),
  })),
  audience: opt(rule),
  frequency: opt((x, at) => (typeof x == 'string' ? oneOf(['once', 'until_completed']) : obj({ everyDays: num(0) }))(x, at)),
  priority: opt(num(-1000, 1000, 1)),
  holdout: opt(num(0, 0.95)),
  locale: opt(tag),
  locales: opt((x, at) =>
    isObject(x)
      ? first(Object.keys(x).map((k) =>
        // Skipped like valibot's records skip them.
        /^(__proto__|prototype|constructor)$/.test(k) ? undefined : tag(k, `${at}.${k}`) ?? (isObject(x[k]) ? undefined : fail(`${at}.${k}`))))
      : fail(at)),
  headless: opt(oneOf([true, false])),
  kind: oneOf(FLOW_KINDS),
}, 1)

/**
 * Checks a flow's envelope as the protocol's `envelopeSchema` does (a property test holds the two
 * equal) and returns the first problem, with its JSON path (`$.audience.and[1].op`). Hand-written
 * because valibot would more than double the engine's size in cairn.js.
 * @example checkEnvelope({ id: 'a', kind: 'popup' }) // { path: '$.kind', message: 'invalid value' }
 */
export const checkEnvelope = (x: unknown): Problem | undefined => envelope(x, '$')
