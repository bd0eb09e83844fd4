import type { ChecklistFlow, Flow } from '@cairn/protocol'
import { useEffect, useRef, useState } from 'preact/hooks'
import { CHECKLIST_STRINGS } from '../i18n/checklist-strings.ts'
import { useFlowState, type WidgetProps } from './runtime.ts'
import { checkChecklist } from './checklist/check.ts'
import { Launcher } from './checklist/launcher.tsx'
import { Panel } from './checklist/panel.tsx'
import { doneIds, itemUse, newlyDone } from './checklist/progress.ts'
import { CHECKLIST_CSS } from './checklist/styles.ts'

/**
 * The getting-started checklist: a corner panel listing the items, each ticked as soon as its event
 * or milestone arrives — in this tab, another tab or on another device (the engine ticks them and
 * `live.$state` brings them here) — or by hand. Minimized, it is a launcher with a progress ring and
 * "2 of 5"; the choice is remembered on this device. An item can start a tour or open a link. Each
 * new tick is announced; when all are done it celebrates (confetti only without reduced motion) and
 * Done completes it. Esc minimizes, × dismisses (minimizes when `dismissible: false`).
 */
export default function Checklist({ flow, env, state, via, live }: WidgetProps<ChecklistFlow>) {
  const current = useFlowState(live, flow.id, state)
  const [mine, setMine] = useState<ReadonlySet<string>>(new Set())
  const done = doneIds(flow, current, mine)
  const total = flow.items.length
  const all = done.length == total
  // Finished while it was off screen (another page, tab or device): it opens to celebrate.
  const [open, setOpen] = useState(live?.memo != 'min' || all)
  // Focus follows the reader: into the panel they opened, onto the launcher when they minimized.
  const [moved, setMoved] = useState(via == 'manual')
  const before = useRef(done)
  const progress = () => env.t(CHECKLIST_STRINGS, 'progress', { n: done.length, total })
  const allDone = () => `${env.t(CHECKLIST_STRINGS, 'allDone')} ${env.t(CHECKLIST_STRINGS, 'allDoneBody')}`

  useEffect(() => {
    if (open && !moved) env.announce(all ? allDone() : `${env.plain(flow.title)}. ${progress()}`)
  }, [])
  useEffect(() => {
    const fresh = newlyDone(before.current, done)
    before.current = done
    if (!fresh.length) return
    if (all) {
      setOpen(true)
      setMoved(false)
      env.announce(allDone())
    } else {
      const titles = fresh.map((id) => env.t(CHECKLIST_STRINGS, 'ticked', { item: env.plain(flow.items.find((i) => i.id == id)?.title) }))
      env.announce(`${titles.join(' ')} ${progress()}`)
    }
  }, [done.join(' ')])

  const show = (next: boolean, focus: boolean) => {
    setOpen(next)
    setMoved(focus)
    live?.remember(next ? 'open' : 'min')
  }
  const use = (index: number) => {
    const item = flow.items[index] as ChecklistFlow['items'][number]
    if (itemUse(item) == 'tour') {
      // Out of the tour's way, onto the launcher, so that focus comes back there when the tour ends.
      // The engine ticks the item when the tour is completed.
      show(false, true)
      live?.start((item.action as { tour: string }).tour, 'tour')
    } else if (!item.completeOn && !done.includes(item.id)) {
      setMine(new Set([...mine, item.id]))
      env.emit({ type: 'step', stepIndex: index, stepId: item.id })
    }
  }

  if (!open) return <Launcher title={flow.title} done={done.length} total={total} focus={moved} onOpen={() => show(true, true)} />
  return (
    <Panel
      flow={flow}
      done={done}
      focus={moved}
      onMinimize={() => show(false, true)}
      onDismiss={(reason) => (reason == 'escape' || flow.dismissible === false ? show(false, true) : all ? env.end('completed') : env.end('dismissed', { reason }))}
      onUse={use}
      onComplete={() => env.end('completed')}
    />
  )
}

/** Checks the checklist's own fields before it renders (see `checklist/check.ts`). */
export function check(flow: Flow): string | undefined {
  return checkChecklist(flow)
}

/** The checklist's stylesheet, added once to the shadow root. */
export const css = CHECKLIST_CSS
