import type { ChecklistFlow } from '@cairn/protocol'
import { useContext, useState } from 'preact/hooks'
import { CHECKLIST_STRINGS } from '../../i18n/checklist-strings.ts'
import { EnvContext, Surface, type WidgetEnv } from '../runtime.ts'
import { Celebration } from './celebration.tsx'
import { ItemRow } from './item-row.tsx'
import { Ring } from './ring.tsx'

export interface PanelProps {
  flow: ChecklistFlow
  /** Ids of the items done. */
  done: readonly string[]
  /** Move focus to the title when it opens (the reader opened it). */
  focus: boolean
  onMinimize(): void
  /** × (`close`) or Esc (`escape`). */
  onDismiss(reason: 'escape' | 'close'): void
  /** The reader used item `index` (its tour, its link, its checkbox). */
  onUse(index: number): void
  /** "Done" after everything is done. */
  onComplete(): void
}

/**
 * The open checklist: a corner dialog with the title, body, progress ("2 of 5 done" beside a ring),
 * the items, the celebration once all are done, and minimize and × buttons.
 */
export function Panel(props: PanelProps) {
  const env = useContext(EnvContext) as WidgetEnv
  const [ids] = useState(() => ({ title: env.id('title'), body: env.id('body') }))
  const { flow, done } = props
  const total = flow.items.length
  return (
    <Surface placement="corner" focus={props.focus} labelledBy={ids.title} describedBy={flow.body ? ids.body : undefined} onDismiss={props.onDismiss}>
      <h2 id={ids.title} class="title cl-title" tabIndex={-1} data-autofocus="">{env.inline(flow.title)}</h2>
      {flow.body ? <div id={ids.body} class="body">{env.blocks(flow.body)}</div> : null}
      <div class="cl-meter">
        <Ring done={done.length} total={total} size={28} />
        <p class="progress">{env.t(CHECKLIST_STRINGS, 'progress', { n: done.length, total })}</p>
      </div>
      <ul class="cl-items">
        {flow.items.map((item, i) => <ItemRow key={item.id} item={item} done={done.includes(item.id)} onUse={() => props.onUse(i)} />)}
      </ul>
      {done.length == total ? <Celebration onDone={props.onComplete} /> : null}
      <button type="button" class="cl-min" aria-label={env.t(CHECKLIST_STRINGS, 'minimize')} onClick={env.guard(props.onMinimize)}>−</button>
    </Surface>
  )
}
