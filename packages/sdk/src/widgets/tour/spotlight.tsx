import type { Ref } from 'preact'

/** Space between the target and the edge of the cut-out, px. */
const PAD = 6
const FAR = 1e5

/**
 * What the page may do: `target` — click the target only (a step that advances on click), `none` —
 * nothing (the step's Next button moves on), `all` — anything (a step waiting for a tracked event).
 */
export type SpotlightOpen = 'target' | 'none' | 'all'

type Box = { left: number; top: number; width: number; height: number }
const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, width: Math.max(0, width), height: Math.max(0, height) })

/** The cut-out around `rect`, then the blockers that cover the page where it may not be clicked. */
function boxes(rect: Box, open: SpotlightOpen): Box[] {
  const left = rect.left - PAD
  const top = rect.top - PAD
  const width = rect.width + 2 * PAD
  const height = rect.height + 2 * PAD
  const hole = box(left, top, width, height)
  if (open === 'all') return [hole]
  if (open === 'none') return [hole, box(0, 0, FAR, FAR)]
  return [hole, box(0, 0, FAR, top), box(0, top + height, FAR, FAR), box(0, top, left, height), box(left + width, top, FAR, height)]
}

/**
 * The page dimmed around a rounded, padded cut-out over the target, and transparent blockers that
 * make the rest of the page inert (clicks land on them, not on the page). Placed by
 * {@link drawSpotlight} as the target moves, without a render.
 */
export function Spotlight({ open, box: ref }: { open: SpotlightOpen; box: Ref<HTMLDivElement> }) {
  return <div ref={ref}>{boxes(box(0, 0, 0, 0), open).map((_, i) => <div key={i} class={i ? 'block' : 'spot'} />)}</div>
}

/** Places the cut-out and blockers of a {@link Spotlight} (its element `el`) around `rect`, in viewport px. */
export function drawSpotlight(el: HTMLElement, rect: Box, open: SpotlightOpen): void {
  boxes(rect, open).forEach((b, i) => {
    const style = (el.children[i] as HTMLElement).style
    for (const [name, value] of Object.entries(b)) style.setProperty(name, `${value}px`)
  })
}
