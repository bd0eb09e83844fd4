import * as v from 'valibot'
import { LIMITS } from './limits.ts'

/** Any JSON value. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
/** A flat-ish bag of JSON values, as sent in `props` and `traits`. */
export type JsonObject = { [key: string]: Json }

function withinBounds(value: unknown, depth: number): string | null {
  if (typeof value === 'string') return value.length > LIMITS.string ? `a string is longer than ${LIMITS.string} characters` : null
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'a number is not finite'
  if (value === null || typeof value === 'boolean') return null
  if (depth >= LIMITS.depth) return `nesting is deeper than ${LIMITS.depth} levels`
  if (Array.isArray(value)) {
    if (value.length > LIMITS.keys) return `an array has more than ${LIMITS.keys} items`
    for (const item of value) {
      const problem = withinBounds(item, depth + 1)
      if (problem) return problem
    }
    return null
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value)
    if (entries.length > LIMITS.keys) return `an object has more than ${LIMITS.keys} keys`
    for (const [key, item] of entries) {
      if (key.length > LIMITS.name) return `a key is longer than ${LIMITS.name} characters`
      const problem = withinBounds(item, depth + 1)
      if (problem) return problem
    }
    return null
  }
  return 'a value is not JSON'
}

/** A JSON object within the wire limits (depth, keys, string length). */
export const jsonObject = v.pipe(
  v.record(v.string(), v.unknown()),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const problem = withinBounds(dataset.value, 0)
    if (problem) addIssue({ message: problem })
  }),
) as unknown as v.GenericSchema<JsonObject>
