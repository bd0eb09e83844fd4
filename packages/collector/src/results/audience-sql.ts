import type { Storage } from '../storage/storage.ts'
import type { Audience, TraitFilter } from './audience.ts'
import { personOf } from './person-sql.ts'

/** A results query given the predicate "this person is in the audience", for its person column. */
export type Scoped = (inAudience: (person: string) => string) => string

/** A trait of `users u` by name, or by dotted path (the own key first, as the SDK reads it). */
const TRAIT = (name: string, path: string) => `COALESCE(u.traits -> ${name}::text, u.traits #> ${path}::text[])`

/** The condition on a users row `u` that `rule` holds, or for `neq`, `nin` and `missing` that its opposite does. */
function condition(rule: TraitFilter, t: string, param: (value: unknown) => string): string {
  const text = `(${t} #>> '{}')`
  switch (rule.op) {
    case 'eq':
    case 'neq':
      return `${text} = ${param(String(rule.value))}::text`
    case 'in':
    case 'nin':
      return `${text} = ANY(${param(rule.value.map(String))}::text[])`
    case 'contains': {
      const w = param(String(rule.value))
      return `CASE jsonb_typeof(${t}) WHEN 'array' THEN EXISTS (SELECT 1 FROM jsonb_array_elements_text(${t}) x(v) WHERE x.v = ${w}::text)
        WHEN 'string' THEN strpos(${text}, ${w}::text) > 0 ELSE false END`
    }
    case 'exists':
    case 'missing':
      return `jsonb_typeof(${t}) IS DISTINCT FROM 'null' AND ${t} IS NOT NULL`
    default: {
      // Like with like, as the SDK compares: numbers as numbers, text in code-point order (ISO dates).
      const sign = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[rule.op]
      return typeof rule.value === 'number'
        ? `CASE WHEN jsonb_typeof(${t}) = 'number' THEN ${text}::float8 END ${sign} ${param(rule.value)}::float8`
        : `CASE WHEN jsonb_typeof(${t}) = 'string' THEN ${text} COLLATE "C" END ${sign} ${param(rule.value)}::text COLLATE "C"`
    }
  }
}

const NEGATED = new Set(['neq', 'nin', 'missing'])

/**
 * Runs `build` with the SQL predicate that a person is in `audience`, its values as parameters after
 * `params` (whose $1 is the project id). Traits are the identified user's: an anonymous visitor has
 * none, so it passes only `!=`, a "none of" and `!trait?`, as a rule in the SDK would judge it.
 * @example filtered({ where: [], locale: 'fa' }, ['demo'], (a) => `SELECT … WHERE ${a('p.person')}`)
 */
export function filtered(audience: Audience, params: readonly unknown[], build: Scoped): [string, unknown[]] {
  const values: unknown[] = []
  const param = (value: unknown) => `$${params.length + values.push(value)}`
  const parts: string[] = []
  for (const rule of audience.where) {
    const t = TRAIT(param(rule.trait), param(rule.trait.split('.')))
    const users = `SELECT u.user_id FROM users u WHERE u.project_id = $1 AND ${condition(rule, t, param)}`
    parts.push(NEGATED.has(rule.op) ? `NOT IN (${users})` : `IN (${users})`)
  }
  if (audience.segment !== undefined) {
    parts.push(`IN (SELECT u.user_id FROM users u WHERE u.project_id = $1 AND u.traits -> 'segments' @> jsonb_build_array(${param(audience.segment)}::text))`)
  }
  if (audience.locale !== undefined) {
    const l = param(audience.locale)
    parts.push(`IN (SELECT person FROM (
      SELECT DISTINCT ON (1) ${personOf('a')} AS person, lower(a.locale) AS locale
      FROM actor_activity a
      WHERE a.project_id = $1 AND a.locale IS NOT NULL ORDER BY 1, a.locale_at DESC) latest
      WHERE latest.locale = ${l}::text OR latest.locale LIKE ${l}::text || '-%')`)
  }
  // `IS TRUE` keeps each test a hashed subplan, run once: as a plain IN the planner turns it into a
  // join, and with its low guess of the rows on the other side, a nested loop over every row.
  const sql = build((person) => (parts.length ? parts.map((p) => `(${person} ${p}) IS TRUE`).join(' AND ') : 'true'))
  return [sql, [...params, ...values]]
}

/** Reads query `sql` with `params` for the people of `audience`. */
export const queryScoped = <T>(storage: Storage, audience: Audience, sql: Scoped, params: readonly unknown[]) =>
  storage.query<T>(...filtered(audience, params, sql))
