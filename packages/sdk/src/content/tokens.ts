/** What a personalization token can read: the user's id and traits. */
export interface TokenUser {
  id?: string | undefined
  traits?: Readonly<Record<string, unknown>> | undefined
}

// `user` followed by one or more plain property names; anything else (calls, brackets) is not a token.
const PATH = /^user((?:\.[A-Za-z_][A-Za-z0-9_]*){1,4})$/
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor'])

/**
 * Resolves the inside of a `{{…}}` token — `user.firstName|there` — to text: the trait's value, or the
 * fallback after `|` when the trait is missing, empty or not a string/number. Only own properties
 * are read, so prototype paths (`user.constructor.name`, `user.__proto__`) and code
 * (`constructor.constructor(…)`) resolve to the fallback or to nothing. Numbers go through `num` so
 * they get the locale's digits.
 * @example resolveToken('user.firstName|there', { traits: { firstName: 'Sara' } }, String) // 'Sara'
 */
export function resolveToken(expr: string, user: TokenUser | undefined, num: (n: number) => string): string {
  const bar = expr.indexOf('|')
  const path = (bar < 0 ? expr : expr.slice(0, bar)).trim()
  const fallback = bar < 0 ? '' : expr.slice(bar + 1).trim()
  const match = PATH.exec(path)
  if (!match || !user) return fallback
  const keys = (match[1] as string).slice(1).split('.')
  const value = keys.length === 1 && keys[0] === 'id' ? user.id : ownPath(user.traits, keys)
  if (typeof value === 'number' && Number.isFinite(value)) return num(value)
  return typeof value === 'string' && value.trim() !== '' ? value : fallback
}

/** Follows `keys` through own properties only; undefined at the first missing or forbidden step. */
function ownPath(root: unknown, keys: readonly string[]): unknown {
  let value = root
  for (const key of keys) {
    if (FORBIDDEN.has(key) || typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}
