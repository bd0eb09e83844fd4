import type { Flow } from '@cairn/protocol'
import type { Finding } from './finding.ts'
import { flowRules, type CheckContext, type CheckedFlow } from './flow-rules.ts'
import { jsonPositions, type Positions } from './json-positions.ts'
import { schemaCheck } from './schema-findings.ts'

/** A flow file's name (as reported) and its text. */
export type FlowFile = { file: string; text: string }
/** What checking a folder gives: the flows that can be served (sorted by id) and everything found. */
export type FlowCheck = { flows: Flow[]; findings: Finding[]; refused: ReadonlySet<string> }

const MAX_FILE_BYTES = 1024 * 1024

/**
 * Checks the flow files of one folder as `cairn check` and the collector both do: each against the
 * published schema, then together by {@link flowRules}. A file with a schema error, or whose id is
 * taken or reserved, is refused; the others are served, whatever else was found in them. Findings
 * come sorted by file, line and column.
 */
export function checkFlows(files: readonly FlowFile[], context: CheckContext): FlowCheck {
  const findings: Finding[] = []
  const refused = new Set<string>()
  const positions = new Map<string, Positions>()
  const valid: CheckedFlow[] = []
  for (const { file, text } of [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const fail = (message: string, line = 1, column = 1) => {
      findings.push({ file, line, column, path: '$', severity: 'error', message })
      refused.add(file)
    }
    if (text.length > MAX_FILE_BYTES) { fail('the file is larger than 1 MB'); continue }
    let json: unknown
    try {
      positions.set(file, jsonPositions(text))
      json = JSON.parse(text)
    } catch (error) {
      const { line, column } = error as { line?: number; column?: number }
      fail(`not valid JSON (${(error as Error).message})`, line, column)
      continue
    }
    const checked = schemaCheck(json)
    if (!checked.ok) {
      const at = positions.get(file) as Positions
      for (const p of checked.problems) {
        findings.push({ file, ...(p.onKey ? at.key(p.path) : at.at(p.path)), path: p.path, severity: 'error', message: p.message, ...(p.suggestion && { suggestion: p.suggestion }) })
      }
      refused.add(file)
      continue
    }
    // "$schema" only helps editors; clients don't need it.
    const { $schema: _, ...flow } = checked.flow
    valid.push({ file, flow: flow as Flow })
  }
  for (const f of flowRules(valid, context)) {
    findings.push({ ...f, ...(positions.get(f.file) as Positions).at(f.path) })
    if (f.path === '$.id' && f.severity === 'error') refused.add(f.file)
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column))
  const flows = valid.filter((f) => !refused.has(f.file)).map((f) => f.flow)
  flows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { flows, findings, refused }
}
