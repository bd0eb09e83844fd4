import type { ComponentChildren } from 'preact'
import { useContext, useLayoutEffect, useRef } from 'preact/hooks'
import { COMMON_STRINGS } from '../../i18n/common-strings.ts'
import { EnvContext } from '../host/env.ts'
import { deepActiveElement, focusInto, restoreFocus, trapTab } from '../host/focus.ts'

/** Where a surface sits: `center` (modal, over a backdrop), `corner` (end-bottom popover), `top`/`bottom` (banner). */
export type Placement = 'center' | 'corner' | 'top' | 'bottom'

export interface SurfaceProps {
  placement: Placement
  /** Backdrop, `aria-modal`, focus trapped inside. @default placement === 'center' */
  modal?: boolean | undefined
  /** Move focus in when shown (modal surfaces always do). @default false */
  focus?: boolean | undefined
  /** Id of the element naming the surface (its title). */
  labelledBy: string
  /** Id of the element describing it (its body), if any. */
  describedBy?: string | undefined
  /** Esc or the × button; `reason` is `escape` or `close`. */
  onDismiss(reason: 'escape' | 'close'): void
  children?: ComponentChildren
}

/**
 * The box every widget draws in, with the accessibility every widget needs: `role="dialog"` (a named
 * `region` for banners) labelled by its title and described by its body, Esc and a × button to
 * dismiss, focus moved in (and trapped, for modals) and given back on close.
 */
export function Surface(props: SurfaceProps) {
  const env = useContext(EnvContext)
  const ref = useRef<HTMLDivElement>(null)
  const modal = props.modal ?? props.placement === 'center'
  const banner = props.placement === 'top' || props.placement === 'bottom'
  const guard = <A extends unknown[]>(fn: (...args: A) => void) => (env ? env.guard(fn) : fn)

  useLayoutEffect(() => {
    const box = ref.current as HTMLDivElement
    const previous = deepActiveElement(box.ownerDocument)
    const host = (box.getRootNode() as ShadowRoot).host
    if (modal || props.focus) focusInto(box)
    return () => restoreFocus(previous, host)
  }, [])

  const onKeyDown = guard((event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // Handled here: the page's own Esc handlers (its modals, its menus) must not also fire.
      event.stopPropagation()
      props.onDismiss('escape')
    } else if (modal) trapTab(event, ref.current as HTMLDivElement)
  })

  const box = (
    <div
      ref={ref}
      class={modal ? 'surface' : `surface ${props.placement}`}
      role={banner ? 'region' : 'dialog'}
      aria-modal={modal ? 'true' : undefined}
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      {props.children}
      <button
        type="button"
        class="close"
        aria-label={env ? env.t(COMMON_STRINGS, 'close') : 'Close'}
        onClick={guard(() => props.onDismiss('close'))}
      >
        ×
      </button>
    </div>
  )
  return modal ? <div class="backdrop">{box}</div> : box
}
