import * as v from 'valibot'

/** One problem found in an input: where (a JSON path like `$.steps[2].target`) and what. */
export type Problem = { path: string; message: string }
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] }

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '$'
  for (const item of issue.path ?? []) {
    const key = item.key
    out += typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `.${String(key)}` : `[${JSON.stringify(key)}]`
  }
  return out
}

/**
 * Checks `input` against a protocol schema and reports every problem with its JSON path.
 * Never throws, whatever the input.
 * @example check(flowSchema, json) // { ok: false, problems: [{ path: '$.steps', message: '…' }] }
 */
export function check<S extends v.GenericSchema>(schema: S, input: unknown): Checked<v.InferOutput<S>> {
  const result = v.safeParse(schema, input)
  if (result.success) return { ok: true, value: result.output }
  return { ok: false, problems: result.issues.map((issue) => ({ path: pathOf(issue), message: issue.message })) }
}

/** Problems as one line each, for logs and error bodies. */
export function describe(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('; ')
}
