import { csvLine } from './csv.ts'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const isRecord = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isTable = (v: unknown): v is Record<string, Json>[] => Array.isArray(v) && v.length > 0 && v.every(isRecord)

/**
 * The tables of a results answer: the dotted path of every list of objects in it, outermost first
 * (`periods`, `cohorts.rows`, `questions.0.distribution`).
 * @example tablesOf({ periods: [{ S: 1 }], cohorts: { rows: [{ size: 2 }] } }) // ['periods', 'cohorts.rows']
 */
export function tablesOf(answer: unknown, path = ''): string[] {
  const at = (key: string | number) => (path ? `${path}.${key}` : String(key))
  if (isTable(answer)) return [path, ...answer.flatMap((row, i) => tablesOf(row, at(i)).filter((p) => p !== at(i)))]
  if (Array.isArray(answer)) return answer.flatMap((v, i) => tablesOf(v, at(i)))
  if (isRecord(answer)) return Object.entries(answer).flatMap(([k, v]) => tablesOf(v, at(k)))
  return []
}

/** A row's cells by column: nested objects and lists flattened to dotted names (`revenue.start`, `cells.0.share`). */
function flatten(value: Json, name: string, into: Map<string, string | number>): void {
  if (isRecord(value) || (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null))) {
    for (const [k, v] of Object.entries(value)) flatten(v, name ? `${name}.${k}` : k, into)
  } else if (Array.isArray(value)) into.set(name, value.join('; '))
  else into.set(name, value === null ? '' : typeof value === 'number' ? value : String(value))
}

/**
 * Table `path` of a results answer as CSV: a header of every column any row has (in the order they
 * first appear), then a line per row, cells made safe for spreadsheets as in the survey export, after
 * a UTF-8 byte order mark (for Persian and Arabic text). `undefined`: the answer has no such table.
 * @example resultsCsv({ periods: [{ start: '2026-11-02', S: 2 }] }, 'periods') // '\uFEFFstart,S\r\n2026-11-02,2\r\n'
 */
export function resultsCsv(answer: object, path: string): string | undefined {
  const rows = path.split('.').reduce<unknown>((at, key) => (isRecord(at) || Array.isArray(at) ? (at as Record<string, unknown>)[key] : undefined), answer)
  // An empty list has no columns to name, but is still the (empty) table asked for.
  if (Array.isArray(rows) && rows.length === 0) return '\uFEFF'
  if (!Array.isArray(rows) || !tablesOf(answer).includes(path)) return undefined
  const cells = rows.map((row) => {
    const into = new Map<string, string | number>()
    flatten(row, '', into)
    return into
  })
  const named = [...new Set(cells.flatMap((c) => [...c.keys()]))]
  // A field that is an object in some rows and null in others is only its dotted columns.
  const columns = named.filter((k) => !(named.some((o) => o.startsWith(`${k}.`)) && cells.every((c) => (c.get(k) ?? '') === '')))
  return `\uFEFF${csvLine(columns)}${cells.map((c) => csvLine(columns.map((k) => c.get(k) ?? ''))).join('')}`
}
