import { FONT } from './styles.ts'

/**
 * The sizes and weights a widget's first view draws text in (styles.ts, at the default 14px): the body
 * and buttons, the bold `.title` (1.15em), the small print (`.progress`, `.ends`: .9em), the × (20px).
 */
export const STRIKES = ['14px', 'bold 16.1px', '12.6px', '20px']

/** The parts of `window` the warm-up uses, each optional (a browser may lack them). */
export type WarmUpWindow = {
  requestIdleCallback?: ((run: () => void) => unknown) | undefined
  OffscreenCanvas?: (new (width: number, height: number) => { getContext(type: '2d'): { font: string; measureText(text: string): unknown } | null }) | undefined
}

/**
 * Pays, while the page is idle, a one-time cost a page's first widget would otherwise pay during its
 * show (measured in Chromium): the widgets' default font when the page itself doesn't use it: a lookup of the family
 * (10–15 ms), then one more for each size and weight drawn (≈1–3 ms each, about 6 ms for a tour step),
 * and for Persian and Arabic the fallback font their letters come from (≈2 ms). A canvas measuring
 * text in each of {@link STRIKES} fills the same font cache. Nothing is added to the page. (The other
 * such cost, the browser's number data, is not paid at all in the widgets' own languages: `numbers.ts`.)
 */
export function warmUp(win: WarmUpWindow = globalThis as WarmUpWindow): void {
  win.requestIdleCallback?.(() => {
    const canvas = win.OffscreenCanvas && new win.OffscreenCanvas(1, 1).getContext('2d')
    if (canvas) {
      for (const strike of STRIKES) {
        canvas.font = `${strike} ${FONT}`
        canvas.measureText('x×ب')
      }
    }
  })
}
