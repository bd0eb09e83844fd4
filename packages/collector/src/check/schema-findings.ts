import { check, flowSchema, jsonSchemas, type Flow, type Problem } from '@cairn/protocol'
import { closest } from './closest.ts'

/** A schema problem worded for a flow author, with the closest valid value or key when there is one. */
export type SchemaFinding = Problem & { onKey: boolean; suggestion?: string }

/** Every property name the published flow schemas know: what a mistyped key is compared with. */
const KNOWN_KEYS: ReadonlySet<string> = (() => {
  const keys = new Set<string>()
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return
    if (Array.isArray(node)) return node.forEach(walk)
    const properties = (node as { properties?: unknown }).properties
    if (typeof properties === 'object' && properties !== null) for (const key of Object.keys(properties)) keys.add(key)
    Object.values(node).forEach(walk)
  }
  walk(jsonSchemas()['flow.json'])
  return keys
})()

const ONE_OF = /^Invalid type: Expected \((.+)\) but received (.+)$/
const UNKNOWN_KEY = /^Invalid key: Expected never but received "(.*)"$/
const MISSING_KEY = /^Invalid key: Expected "(.*)" but received undefined$/

/** valibot's wording of one problem, made plain: "must be one of …", "unknown key", "is required". */
function reword(problem: Problem): SchemaFinding {
  const unknown = UNKNOWN_KEY.exec(problem.message)
  if (unknown) {
    const key = unknown[1] as string
    const suggestion = closest(key, KNOWN_KEYS)
    return { ...problem, onKey: true, message: `unknown key "${key}"`, ...(suggestion && { suggestion }) }
  }
  const missing = MISSING_KEY.exec(problem.message)
  if (missing) return { ...problem, onKey: false, message: `"${missing[1]}" is required` }
  const oneOf = ONE_OF.exec(problem.message)
  const options = oneOf && [...(oneOf[1] as string).matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] as string)
  if (oneOf && options?.length && !/\bObject\b|\bArray\b/.test(oneOf[1] as string)) {
    const received = oneOf[2] as string
    const suggestion = received.startsWith('"') ? closest(JSON.parse(received) as string, options) : undefined
    return { ...problem, onKey: false, message: `must be one of ${options.join(', ')} (got ${received})`, ...(suggestion && { suggestion }) }
  }
  return { ...problem, onKey: false }
}

/** One parsed flow file against the published flow schema: the flow, or its problems worded for authors. */
export function schemaCheck(json: unknown): { ok: true; flow: Flow } | { ok: false; problems: SchemaFinding[] } {
  const result = check(flowSchema, json)
  return result.ok ? { ok: true, flow: result.value } : { ok: false, problems: result.problems.map(reword) }
}
