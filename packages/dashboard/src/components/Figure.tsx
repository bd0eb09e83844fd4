import type { ComponentChildren } from 'preact'
import { useId, useState } from 'preact/hooks'
import { toCsv, type Table } from '../charts/table.ts'
import { useDashboard, useLocale } from './context.ts'
import { DataTable } from './DataTable.tsx'

/** A file name from a caption: letters and digits of any script, dashes between. */
const fileName = (title: string) => `${title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'data'}.csv`

/**
 * Every chart: a `<figure>` with its caption, the chart, and its data as a table (shown on demand,
 * always in the accessibility tree's reach) that is also what "Download CSV" saves.
 */
export function Figure({ title, note, table, children, wide }: { title: string; note?: string | undefined; table: Table; children: ComponentChildren; wide?: boolean }) {
  const l = useLocale()
  const { doc } = useDashboard()
  const [open, setOpen] = useState(false)
  const id = useId()
  const download = () => {
    const url = URL.createObjectURL(new Blob(['\uFEFF' + toCsv(table)], { type: 'text/csv;charset=utf-8' }))
    const a = doc.createElement('a')
    a.href = url
    a.download = fileName(title)
    doc.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
  return (
    <figure class={wide ? 'card figure wide' : 'card figure'} aria-labelledby={`${id}-c`}>
      <figcaption class="figure-head">
        <span class="figure-title" id={`${id}-c`}>{title}</span>
        <span class="figure-actions">
          <button type="button" class="quiet" aria-expanded={open} aria-controls={`${id}-t`} onClick={() => setOpen(!open)}>
            {l.t(open ? 'hideTable' : 'showTable')}
          </button>
          <button type="button" class="quiet" onClick={download}>{l.t('downloadCsv')}</button>
        </span>
      </figcaption>
      {note && <p class="figure-note">{note}</p>}
      <div class="figure-chart">{children}</div>
      <div id={`${id}-t`} hidden={!open}>
        <DataTable table={table} caption={title} />
      </div>
    </figure>
  )
}
