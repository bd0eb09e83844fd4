import { arrow, autoUpdate, computePosition, flip, offset, shift, type Placement } from '@floating-ui/dom'
import type { TourStep } from '@cairn/protocol'

// A page that loaded this chunk is about to place a box: floating-ui's first run (≈1–2 ms in Chromium,
// its code not yet warm) is paid now, while idle, instead of in the first tour step or hotspot.
warmPosition()

/** A placement as flows write it: logical, so `left`/`right` mean start/end of the reading direction. */
export type LogicalPlacement = NonNullable<TourStep['placement']>

/**
 * The floating-ui placement for a logical one: `left`/`right` swap on right-to-left pages; `auto`
 * becomes `bottom`, and `flip` finds room. The `-start`/`-end` of `top`/`bottom` go in as written:
 * floating-ui already reads them against the floating element's own direction (our boxes inherit the
 * widget's `dir`), so mirroring them here too would put them back where LTR has them.
 * @example physicalPlacement('right-start', 'rtl') // 'left-start'
 * @example physicalPlacement('bottom-start', 'rtl') // 'bottom-start' (floating-ui aligns it to the right edge)
 */
export function physicalPlacement(placement: LogicalPlacement, dir: 'ltr' | 'rtl'): Placement {
  if (placement === 'auto') return 'bottom'
  if (dir === 'ltr') return placement
  const [side, align] = placement.split('-') as [string, string | undefined]
  const mirroredSide = side === 'left' ? 'right' : side === 'right' ? 'left' : side
  return (align ? `${mirroredSide}-${align}` : mirroredSide) as Placement
}

/** How to anchor a floating box. */
export interface AnchorOptions {
  placement: LogicalPlacement
  /** The reading direction; the floating box should carry the same `dir` (see {@link physicalPlacement}). */
  dir: 'ltr' | 'rtl'
  /** Gap between the target and the box, px. @default 12 */
  gap?: number | undefined
  /** An arrow element inside the box, positioned along its edge, its `data-side` the side used. */
  arrow?: HTMLElement | undefined
  /**
   * Called after every placement with the side that was used (after flips) and the reference's
   * viewport rectangle, in the same write: what a spotlight around a tour target follows (one watcher
   * for both, not two).
   */
  placed?: ((placement: Placement, rect: DOMRect) => void) | undefined
}

/**
 * Keeps `floating` next to `reference` — offset, flip, shift, arrow — and follows scrolls, resizes and
 * layout changes until the returned function is called. The only module that imports @floating-ui/dom.
 * Coordinates are written through the CSSOM (`style.setProperty`), never as a style string.
 */
export function anchor(reference: Element, floating: HTMLElement, options: AnchorOptions): () => void {
  const middleware = [offset(options.gap ?? 12), flip(), shift({ padding: 8 })]
  if (options.arrow) middleware.push(arrow({ element: options.arrow, padding: 8 }))
  const config = { placement: physicalPlacement(options.placement, options.dir), strategy: 'fixed' as const, middleware }
  let last = ''
  const update = () => {
    // autoUpdate calls at once, then its ResizeObserver and IntersectionObserver call again on the first
    // frame with nothing moved: placed once unless the reference or the box really changed.
    const rect = reference.getBoundingClientRect()
    const now = [rect.x, rect.y, rect.width, rect.height, floating.offsetWidth, floating.offsetHeight] + ''
    if (now === last) return
    last = now
    void computePosition(reference, floating, config).then(({ x, y, placement, middlewareData }) => {
      // Writes only, after floating-ui's reads: one layout for the step, not one per write.
      // floating-ui's coordinates are physical (from the viewport's top-left) whatever the direction;
      // left/top rather than transform, which the entrance animation owns.
      floating.style.setProperty('position', 'fixed')
      floating.style.setProperty('left', `${Math.round(x)}px`)
      floating.style.setProperty('top', `${Math.round(y)}px`)
      const tip = middlewareData.arrow
      if (options.arrow && tip) {
        options.arrow.style.setProperty('left', tip.x === undefined ? '' : `${tip.x}px`)
        options.arrow.style.setProperty('top', tip.y === undefined ? '' : `${tip.y}px`)
        options.arrow.setAttribute('data-side', placement.split('-')[0] as string)
      }
      options.placed?.(placement, rect)
    })
  }
  return autoUpdate(reference, floating, update)
}

/**
 * Runs {@link anchor} once, while the page is idle, on boxes that are not in the page: the same code
 * path as the first real placement, with nothing drawn and nothing left watching.
 */
export function warmPosition(win: { requestIdleCallback?: ((run: () => void) => unknown) | undefined; document?: Document } = globalThis): void {
  win.requestIdleCallback?.(() => {
    const doc = win.document
    if (!doc) return
    const box = doc.createElement('div')
    const tip = doc.createElement('div')
    box.append(tip)
    anchor(doc.createElement('div'), box, { placement: 'bottom', dir: 'ltr', arrow: tip })()
  })
}
