import type { ComponentChildren } from 'preact'
import { useContext, useEffect, useState } from 'preact/hooks'
// From the runtime entry, not the modules behind it: the build then keeps the kit in the runtime chunk.
import { Button, COMMON_STRINGS, EnvContext, Surface, type Placement, type WidgetEnv } from '../runtime.ts'

/** One page of a step card: a tour step, a survey question, an announcement. */
export interface CardPage {
  id?: string | undefined
  title: string
  body?: string | undefined
  /** Anything shown below the body (a list of items, scale labels). */
  extra?: ComponentChildren
}

export interface StepCardProps {
  pages: readonly CardPage[]
  placement: Placement
  modal?: boolean | undefined
  /** Move focus in when shown. @default modal */
  focus?: boolean | undefined
}

/**
 * A surface that walks through pages with Back / Next / Done, shows "2 of 5", announces each new page
 * and reports the lifecycle: `step` on every move, `completed` on Done, `dismissed` on × or Esc (with
 * the page it happened on).
 */
export function StepCard(props: StepCardProps) {
  const env = useContext(EnvContext) as WidgetEnv
  const [index, setIndex] = useState(0)
  const [ids] = useState(() => ({ title: env.id('title'), body: env.id('body') }))
  const { pages } = props
  const page = pages[index] as CardPage
  const total = pages.length
  const last = index === total - 1
  const focus = props.focus ?? props.modal ?? props.placement === 'center'
  const progress = total > 1 ? env.t(COMMON_STRINGS, 'progress', { n: index + 1, total }) : ''
  const at = (stepIndex: number) => {
    const stepId = pages[stepIndex]?.id
    return stepId ? { stepIndex, stepId } : { stepIndex }
  }

  useEffect(() => {
    // A surface that took focus is read out by the screen reader already; the others announce themselves.
    if (index > 0 || !focus) env.announce(progress ? `${env.plain(page.title)}. ${progress}` : env.plain(page.title))
  }, [index])

  const go = (to: number) => {
    setIndex(to)
    env.emit({ type: 'step', ...at(to) })
  }

  return (
    <Surface
      placement={props.placement}
      modal={props.modal}
      focus={focus}
      labelledBy={ids.title}
      describedBy={page.body ? ids.body : undefined}
      onDismiss={(reason) => env.end('dismissed', { ...at(index), reason })}
    >
      <h2 id={ids.title} class="title">{env.inline(page.title)}</h2>
      {page.body ? <div id={ids.body} class="body">{env.blocks(page.body)}</div> : null}
      {page.extra}
      <div class="actions">
        {progress ? <span class="progress">{progress}</span> : null}
        {index > 0 ? <Button key="back" onClick={() => go(index - 1)}>{env.t(COMMON_STRINGS, 'back')}</Button> : null}
        <Button key="next" primary autofocus onClick={() => (last ? env.end('completed', at(index)) : go(index + 1))}>
          {env.t(COMMON_STRINGS, last ? 'done' : 'next')}
        </Button>
      </div>
    </Surface>
  )
}
