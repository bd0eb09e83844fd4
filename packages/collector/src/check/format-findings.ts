import type { Finding } from './finding.ts'

/** How `cairn check` prints what it found. */
export type CheckFormat = 'text' | 'json' | 'github'
export const CHECK_FORMATS: readonly CheckFormat[] = ['text', 'json', 'github']

/** What was checked: the findings and how many files they came from. */
export type CheckReport = { files: number; findings: readonly Finding[] }

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`
const tally = (findings: readonly Finding[]) => ({
  errors: findings.filter((f) => f.severity === 'error').length,
  warnings: findings.filter((f) => f.severity === 'warning').length,
})

/**
 * One line a finding, aligned for reading in a terminal, then a summary line.
 * @example text({ files: 1, findings: [f] }) // 'flows/nps.json:14:7  error  $.questions[0].type  must be one of … (did you mean "single"?)\n\n1 error in 1 file'
 */
function text({ files, findings }: CheckReport): string {
  const { errors, warnings } = tally(findings)
  const where = findings.map((f) => `${f.file}:${f.line}:${f.column}`)
  const width = Math.max(0, ...where.map((w) => w.length))
  const pathWidth = Math.max(0, ...findings.map((f) => f.path.length))
  const lines = findings.map((f, i) => {
    const hint = f.suggestion === undefined ? '' : ` (did you mean "${f.suggestion}"?)`
    return `${(where[i] as string).padEnd(width)}  ${f.severity.padEnd(7)}  ${f.path.padEnd(pathWidth)}  ${f.message}${hint}`
  })
  const summary = findings.length === 0
    ? `${count(files, 'file')} checked: no problems`
    : `${[errors && count(errors, 'error'), warnings && count(warnings, 'warning')].filter(Boolean).join(', ')} in ${count(files, 'file')}`
  return [...lines, ...(lines.length ? [''] : []), summary].join('\n')
}

/** The report as one JSON document: counts and every finding. */
function json({ files, findings }: CheckReport): string {
  return JSON.stringify({ files, ...tally(findings), findings }, null, 2)
}

// GitHub's workflow-command escaping: data escapes %, CR and LF; properties also `:` and `,`.
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

/** GitHub Actions annotations (`::error file=…,line=…,col=…,title=…::message`), one a finding. */
function github({ findings }: CheckReport): string {
  return findings.map((f) => {
    const hint = f.suggestion === undefined ? '' : ` (did you mean "${f.suggestion}"?)`
    return `::${f.severity} file=${property(f.file)},line=${f.line},col=${f.column},title=${property(f.path)}::${data(f.message + hint)}`
  }).join('\n')
}

/** The report in the chosen format (no trailing newline). */
export function formatFindings(report: CheckReport, format: CheckFormat): string {
  return { text, json, github }[format](report)
}

/** The exit code: 1 when there are errors, or warnings under `strict`; else 0. */
export function exitCode(findings: readonly Finding[], strict: boolean): 0 | 1 {
  const { errors, warnings } = tally(findings)
  return errors > 0 || (strict && warnings > 0) ? 1 : 0
}
