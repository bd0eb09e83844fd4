import type { ChecklistFlow, Flow } from '@cairn/protocol'
import { CHECKLIST_STRINGS } from '../i18n/checklist-strings.ts'
import { checkPages, type WidgetProps } from './runtime.ts'
import { StepCard } from './ui/step-card.tsx'

/**
 * Placeholder checklist chunk: the title, body and item titles in a corner panel with the "0 of 4
 * done" count. The checklist issue replaces it with a launcher, live ticks and progress sync.
 */
export default function Checklist({ flow, env }: WidgetProps<ChecklistFlow>) {
  const extra = (
    <div class="body">
      <ul>{flow.items.map((item) => <li key={item.id}>{env.inline(item.title)}</li>)}</ul>
      <p class="progress">{env.t(CHECKLIST_STRINGS, 'progress', { n: 0, total: flow.items.length })}</p>
    </div>
  )
  return <StepCard pages={[{ title: flow.title, body: flow.body, extra }]} placement="corner" />
}

/** A title and items with titles: what this placeholder renders. */
export function check(flow: Flow): string | undefined {
  return typeof (flow as Partial<ChecklistFlow>).title === 'string' ? checkPages(flow, 'items', 'title') : '$.title: must be text'
}
