import { Component, type ComponentChildren } from 'preact'

interface BoundaryProps {
  onError(error: unknown): void
  children?: ComponentChildren
}

/**
 * Catches what a widget throws while rendering or in its effects, so it becomes an `error` report
 * and an empty container instead of an exception in the host page.
 */
export class Boundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false }

  override componentDidCatch(error: unknown): void {
    this.setState({ failed: true })
    this.props.onError(error)
  }

  override render(): ComponentChildren {
    return this.state.failed ? null : this.props.children
  }
}
