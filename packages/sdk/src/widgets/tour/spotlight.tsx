/** Space between the target and the edge of the cut-out, px. */
const PAD = 6

export interface SpotlightProps {
  /** The target's rectangle in the viewport. */
  rect: { left: number; top: number; width: number; height: number }
  /**
   * What the page may do: `target` — click the target only (a step that advances on click), `none` —
   * nothing (the step's Next button moves on), `all` — anything (a step waiting for a tracked event).
   */
  open: 'target' | 'none' | 'all'
}

type Box = { left: number; top: number; width: number; height: number }
const px = (box: Box) => ({ left: `${box.left}px`, top: `${box.top}px`, width: `${Math.max(0, box.width)}px`, height: `${Math.max(0, box.height)}px` })
const FAR = 1e5

/**
 * The page dimmed around a rounded, padded cut-out over the target, and transparent blockers that
 * make the rest of the page inert (clicks land on them, not on the page).
 */
export function Spotlight({ rect, open }: SpotlightProps) {
  const hole: Box = { left: rect.left - PAD, top: rect.top - PAD, width: rect.width + 2 * PAD, height: rect.height + 2 * PAD }
  const right = hole.left + hole.width
  const bottom = hole.top + hole.height
  const blockers: Box[] =
    open === 'all' ? [] :
    open === 'none' ? [{ left: 0, top: 0, width: FAR, height: FAR }] :
    [
      { left: 0, top: 0, width: FAR, height: hole.top },
      { left: 0, top: bottom, width: FAR, height: FAR },
      { left: 0, top: hole.top, width: hole.left, height: hole.height },
      { left: right, top: hole.top, width: FAR, height: hole.height },
    ]
  return (
    <>
      <div class="spot" style={px(hole)} />
      {blockers.map((box, i) => <div key={i} class="block" style={px(box)} />)}
    </>
  )
}
