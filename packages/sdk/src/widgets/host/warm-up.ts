import { numberFormatter } from '../../i18n/numbers.ts'
import { FONT } from './styles.ts'

/** The parts of `window` the warm-up uses, each optional (a browser may lack them). */
export type WarmUpWindow = {
  requestIdleCallback?: ((run: () => void) => unknown) | undefined
  OffscreenCanvas?: (new (width: number, height: number) => { getContext(type: '2d'): { font: string; measureText(text: string): unknown } | null }) | undefined
}

/**
 * Pays, while the page is idle, the one-time costs a page's first widget would otherwise pay during its
 * show (measured in Chromium): the browser's number data, loaded by the first `Intl.NumberFormat`
 * (15–30 ms), and the lookup of the widgets' default font when the page itself doesn't use it (10–15 ms;
 * a canvas measuring text in that font fills the same font cache). Nothing is added to the page.
 */
export function warmUp(win: WarmUpWindow = globalThis as WarmUpWindow): void {
  win.requestIdleCallback?.(() => {
    numberFormatter('en')(0)
    const canvas = win.OffscreenCanvas && new win.OffscreenCanvas(1, 1).getContext('2d')
    if (canvas) {
      canvas.font = `14px ${FONT}`
      canvas.measureText('x')
    }
  })
}
