/** A cell: the raw value (what the CSV holds) and the text shown (localized). */
export type Cell = { value: string | number | null; text: string }
export type Column = { label: string; numeric?: boolean }
/** The data behind a chart: shown as its table, exported as its CSV. */
export type Table = { columns: Column[]; rows: Cell[][] }

/** A cell whose raw value is shown as is. */
export const text = (value: string): Cell => ({ value, text: value })

const FORMULA = /^[=+\-@\t\r]/

function csvField(value: string | number | null): string {
  if (value === null) return ''
  let s = String(value)
  // A spreadsheet would run these as formulas (the collector's CSV does the same).
  if (typeof value === 'string' && FORMULA.test(s)) s = `'${s}`
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/**
 * The table as CSV (RFC 4180, CRLF): the header row of column labels, then the raw values — numbers
 * as numbers, shares as fractions — so a spreadsheet reads them whatever the dashboard's language.
 */
export function toCsv(table: Table): string {
  return [table.columns.map((c) => csvField(c.label)), ...table.rows.map((row) => row.map((c) => csvField(c.value)))]
    .map((line) => line.join(','))
    .join('\r\n') + '\r\n'
}
