import type { Context } from 'hono'
import { fail } from '../../http/errors.ts'
import { resultsCsv, tablesOf } from '../../results/results-csv.ts'

/** The `?format=` of a results request: `json` (the default) or `csv`, else the 400 answer. */
export function resultsFormat(c: Context): 'json' | 'csv' | Response {
  const format = c.req.query('format') ?? 'json'
  if (format === 'json' || format === 'csv') return format
  return fail(c, 400, 'invalid_query', `"format": "json" or "csv", not ${JSON.stringify(format.slice(0, 40))}`)
}

/**
 * A results answer's table `?table=` (`table` by default) as a CSV download named after the path
 * and the table; 400 listing the tables the answer has when it has no such one.
 */
export function csvAnswer(c: Context, results: object, table: string): Response {
  const name = c.req.query('table') ?? table
  const csv = resultsCsv(results, name)
  if (csv === undefined) {
    const tables = tablesOf(results).filter((t) => !/\.\d+(\.|$)/.test(t))
    return fail(c, 400, 'invalid_query', `"table": ${JSON.stringify(name.slice(0, 80))} is not a table of this answer; it has ${tables.join(', ') || 'none'}`)
  }
  const file = `${c.req.path.split('/').slice(3).join('-')}-${name}`.replace(/[^\w.-]+/g, '_')
  return c.body(csv, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${file}.csv"`,
    'Cache-Control': 'no-store',
  })
}
