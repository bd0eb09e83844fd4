/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: NUL characters are dropped (some programs
 * end the cell there, hiding what follows); text starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return would be read as a formula, so it gets a leading `'` (OWASP's advice); a cell with a comma,
 * a quote or a line break is quoted, quotes doubled. Headers go through it too.
 * @example csvCell('=HYPERLINK("http://x")') // `"'=HYPERLINK(""http://x"")"`
 */
export function csvCell(value: string): string {
  const text = value.replaceAll('\0', '')
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** A CSV line of cells, ended by CRLF; numbers as they are (`-3` is a number, never a formula). */
export const csvLine = (cells: readonly (string | number)[]): string =>
  `${cells.map((c) => (typeof c === 'number' ? String(c) : csvCell(c))).join(',')}\r\n`
