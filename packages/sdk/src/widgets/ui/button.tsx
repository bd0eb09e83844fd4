import type { ComponentChildren } from 'preact'
import { useContext } from 'preact/hooks'
import { EnvContext } from '../host/env.ts'

export interface ButtonProps {
  onClick(): void
  /** The main action: accent-coloured. */
  primary?: boolean | undefined
  /** Takes focus when its surface opens. */
  autofocus?: boolean | undefined
  label?: string | undefined
  children?: ComponentChildren
}

/** A themed button whose click handler can't throw into the host page. */
export function Button(props: ButtonProps) {
  const env = useContext(EnvContext)
  return (
    <button
      type="button"
      class={props.primary ? 'btn primary' : 'btn'}
      data-autofocus={props.autofocus ? '' : undefined}
      aria-label={props.label}
      onClick={env ? env.guard(props.onClick) : props.onClick}
    >
      {props.children}
    </button>
  )
}
