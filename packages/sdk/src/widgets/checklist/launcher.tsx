import { useContext, useLayoutEffect, useRef } from 'preact/hooks'
import { COMMON_STRINGS, EnvContext, type WidgetEnv } from '../runtime.ts'
import { Ring } from './ring.tsx'

export interface LauncherProps {
  title: string
  done: number
  total: number
  /** Take focus when it appears (the reader minimized the panel with the keyboard or the mouse). */
  focus: boolean
  onOpen(): void
}

/** The minimized checklist: a button in the corner with the progress ring, the title and "2 of 5". */
export function Launcher(props: LauncherProps) {
  const env = useContext(EnvContext) as WidgetEnv
  const ref = useRef<HTMLButtonElement>(null)
  useLayoutEffect(() => {
    if (props.focus) ref.current?.focus({ preventScroll: true })
  }, [])
  return (
    <button ref={ref} type="button" class="cl-launcher" aria-haspopup="dialog" aria-expanded="false" onClick={env.guard(props.onOpen)}>
      <Ring done={props.done} total={props.total} />
      <span>{env.inline(props.title)}</span>
      <span class="cl-count">{env.t(COMMON_STRINGS, 'progress', { n: props.done, total: props.total })}</span>
    </button>
  )
}
