import { LIMITS, localeTag } from '@cairn/protocol'
import * as v from 'valibot'
import type { Period } from './milestones-period.ts'

/** A scalar a trait is compared with: `plan:pro` → "pro", `seats>5` → 5, `trial:true` → true. */
export type TraitValue = string | number | boolean | null

/** One `where` filter, read as an audience rule on the user's traits (dotted paths allowed). */
export type TraitFilter =
  | { trait: string; op: 'eq' | 'neq' | 'contains'; value: TraitValue }
  | { trait: string; op: 'in' | 'nin'; value: TraitValue[] }
  | { trait: string; op: 'gt' | 'gte' | 'lt' | 'lte'; value: number | string }
  | { trait: string; op: 'exists' | 'missing' }

/**
 * Who a results request counts: people whose traits pass every `where`, whose latest locale is
 * `locale` (a language matches its regional tags: `fa` matches `fa-IR`), and who are in `segment`
 * (the `segments` trait, as the audience rule reads it). Empty: everyone.
 */
export type Audience = { where: TraitFilter[]; locale?: string; segment?: string }

export const EVERYONE: Audience = { where: [] }

/** The most `where` filters one request may carry. */
export const MAX_WHERE = 20

const OPS = { ':': 'eq', '=': 'eq', '!=': 'neq', '~': 'contains', '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' } as const
const WHERE = /^(!?)([A-Za-z_$][\w$.-]*)(?:(\?)|(!=|>=|<=|[:=~><])(.*))$/s

/** `5` → 5, `true` → true, `null` → null, `"5"` → "5", anything else the text itself. */
function valueOf(text: string): TraitValue {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text)
  if (text === 'true' || text === 'false') return text === 'true'
  if (text === 'null') return null
  return /^".*"$/s.test(text) ? text.slice(1, -1) : text
}

const show = (text: string) => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)

/**
 * One `where` filter: `path:value` (equals; `a|b` for any of), `path!=value`, `path~text` (a string
 * containing it, or a list holding it), `path>n` (`>=`, `<`, `<=`; numbers, or text such as ISO dates),
 * `path?` (has the trait) and `!path?` (has not). A string is the problem to answer with 400.
 * @example parseWhere('company.size>50') // { trait: 'company.size', op: 'gt', value: 50 }
 */
export function parseWhere(text: string): TraitFilter | string {
  const problem = `"where": ${show(text)}`
  const m = WHERE.exec(text.trim())
  if (!m) return `${problem} is not a trait rule; write trait:value, trait!=value, trait~text, trait>number (>=, <, <=), trait? or !trait?`
  const [, not, trait = '', exists, symbol, raw = ''] = m
  if (trait.length > LIMITS.name) return `${problem}: a trait name is at most ${LIMITS.name} characters`
  if (exists) return { trait, op: not ? 'missing' : 'exists' }
  if (not) return `${problem}: "!" goes only before a trait with "?" (!trait?); use != for "not equal"`
  if (raw === '') return `${problem}: nothing to compare ${trait} with after "${symbol}"`
  if (raw.length > LIMITS.name) return `${problem}: a value is at most ${LIMITS.name} characters`
  const op = OPS[symbol as keyof typeof OPS]
  if ((op === 'eq' || op === 'neq') && raw.includes('|')) return { trait, op: op === 'eq' ? 'in' : 'nin', value: raw.split('|').map(valueOf) }
  const value = valueOf(raw)
  if (op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte') {
    if (typeof value !== 'number' && typeof value !== 'string') return `${problem}: "${symbol}" compares with a number or a text such as a date, not ${raw}`
    return { trait, op, value }
  }
  return { trait, op, value }
}

const segmentSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.name))

/**
 * The audience of a results request from its repeated `where`, its `locale` and its `segment`
 * parameters. A string is the problem to answer with 400, naming the offending part.
 * @example parseAudience({ where: ['plan:pro'], locale: 'fa' }) // { where: [{ trait: 'plan', op: 'eq', value: 'pro' }], locale: 'fa' }
 */
export function parseAudience(query: { where: readonly string[]; locale?: string | undefined; segment?: string | undefined }): Audience | string {
  if (query.where.length > MAX_WHERE) return `"where": at most ${MAX_WHERE} filters, not ${query.where.length}`
  const where: TraitFilter[] = []
  for (const text of query.where) {
    const rule = parseWhere(text)
    if (typeof rule === 'string') return rule
    where.push(rule)
  }
  if (query.locale !== undefined && !v.is(localeTag, query.locale)) return `"locale": ${show(query.locale)} is not a language tag such as "fa" or "pt-BR"`
  if (query.segment !== undefined && !v.is(segmentSchema, query.segment)) return `"segment": a segment name of 1 to ${LIMITS.name} characters`
  return {
    where,
    ...(query.locale !== undefined && { locale: query.locale.toLowerCase() }),
    ...(query.segment !== undefined && { segment: query.segment }),
  }
}

/** Whether an audience leaves anybody out. */
export const isFiltered = (a: Audience) => a.where.length > 0 || a.locale !== undefined || a.segment !== undefined

/** What a results request reads: a period [from, to) in epoch ms and the people it counts. */
export type Scope = Period & { audience: Audience }
