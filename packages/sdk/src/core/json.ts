import type { JsonObject } from '@cairn/protocol'

/**
 * A JSON-safe copy of a props or traits argument: `undefined` when none was given, `null` when it is
 * not a plain object or cannot be serialized (cycles, BigInt). Dates become strings, functions and
 * `undefined` values disappear, as in `JSON.stringify`.
 */
export function toJsonObject(value: unknown): JsonObject | undefined | null {
  if (value === undefined) return undefined
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null
  try {
    return JSON.parse(JSON.stringify(value)) as JsonObject
  } catch {
    return null
  }
}
