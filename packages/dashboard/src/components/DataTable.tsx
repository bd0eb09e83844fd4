import type { Table } from '../charts/table.ts'

/** A chart's data as a table; numeric columns align to the end of the line. */
export function DataTable({ table, caption }: { table: Table; caption: string }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table class="data">
        <thead>
          <tr>{table.columns.map((c) => <th scope="col" class={c.numeric ? 'num' : undefined}>{c.label}</th>)}</tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr>{row.map((cell, i) => (i === 0
              ? <th scope="row" data-value={cell.value ?? ''}>{cell.text}</th>
              : <td class={table.columns[i]?.numeric ? 'num' : undefined} data-value={cell.value ?? ''}>{cell.text}</td>))}</tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
