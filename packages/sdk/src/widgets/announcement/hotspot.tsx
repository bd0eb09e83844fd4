import type { AnnouncementFlow } from '@cairn/protocol'
import type { ComponentChildren } from 'preact'
import { useContext, useEffect, useRef, useState } from 'preact/hooks'
import { EnvContext, Surface, type WidgetEnv } from '../runtime.ts'
import { AnnouncementBody, type Finish } from './body.tsx'
import { waitForTarget } from '@cairn/protocol'

/** How long the beacon waits for its target to appear, ms. */
const WAIT_MS = 5000

export interface HotspotProps {
  flow: AnnouncementFlow & { target: string }
  ids: { title: string; body: string }
  finish(how: Finish): void
  /** Shown below the body (a digest's list). */
  children?: ComponentChildren
}

type Anchor = typeof import('../position.ts')['anchor']

/**
 * A pulsing beacon on the target element; pressing it opens the announcement as a tooltip next to
 * the beacon (Esc or × dismisses, and focus goes back to the beacon's page). The beacon waits up to
 * 5 s for the target to appear (`>>>` reaches into open shadow roots), else reports `target_missing`.
 * Positioning comes from `position.ts` (shared with the tour), loaded only here.
 */
export function Hotspot({ flow, ids, finish, children }: HotspotProps) {
  const env = useContext(EnvContext) as WidgetEnv
  const beacon = useRef<HTMLButtonElement>(null)
  const tip = useRef<HTMLDivElement>(null)
  const [target, setTarget] = useState<Element | null>(null)
  const [anchor, setAnchor] = useState<Anchor>()
  const [open, setOpen] = useState(false)

  useEffect(() => {
    const doc = (beacon.current as HTMLElement).ownerDocument
    let alive = true
    // A positioning chunk that fails to load is the widget failing.
    void import('../position.ts').then((m) => alive && setAnchor(() => m.anchor), env.fail)
    // A target that never comes frees the screen with its reason, as a tour step that pauses does.
    const stop = waitForTarget(doc, flow.target, WAIT_MS, setTarget, () => env.emit({ type: 'error', reason: 'target_missing', stepIndex: 0 }))
    return () => {
      alive = false
      stop()
    }
  }, [])

  // Top-end: the end corner of the target, left in RTL (floating-ui reads `-end` against the beacon's inherited `dir`).
  useEffect(() => (target && anchor ? anchor(target, beacon.current as HTMLElement, { placement: 'top-end', dir: env.dir, gap: -10 }) : undefined), [target, anchor])
  useEffect(() => {
    const box = tip.current?.firstElementChild as HTMLElement | null | undefined
    return open && anchor && box ? anchor(beacon.current as HTMLElement, box, { placement: 'bottom', dir: env.dir }) : undefined
  }, [open, anchor])

  const toggle = () => {
    if (!open) {
      env.emit({ type: 'step', stepIndex: 0, stepId: 'open' })
      env.announce(env.plain(flow.title))
    }
    setOpen(!open)
  }

  return (
    <div>
      <button
        ref={beacon}
        type="button"
        class="beacon"
        hidden={!target || !anchor}
        aria-label={env.plain(flow.title)}
        aria-expanded={open ? 'true' : 'false'}
        onClick={env.guard(toggle)}
      />
      {open ? (
        <div class="tip" ref={tip}>
          <Surface placement="corner" focus labelledBy={ids.title} describedBy={flow.body ? ids.body : undefined} onDismiss={finish}>
            <AnnouncementBody flow={flow} ids={ids} finish={finish}>{children}</AnnouncementBody>
          </Surface>
        </div>
      ) : null}
    </div>
  )
}
