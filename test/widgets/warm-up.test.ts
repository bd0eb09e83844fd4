import { afterEach, describe, expect, it, vi } from 'vitest'
import { numberFormatter } from '../../packages/sdk/src/i18n/numbers.ts'
import { FONT, HOST_CSS } from '../../packages/sdk/src/widgets/host/styles.ts'
import { STRIKES, warmUp, type WarmUpWindow } from '../../packages/sdk/src/widgets/host/warm-up.ts'

afterEach(() => vi.restoreAllMocks())

/** Counts `new Intl.NumberFormat(…)` calls from now on (each still makes a real one). */
function countFormats() {
  const Real = Intl.NumberFormat
  return vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (...args: ConstructorParameters<typeof Real>) {
    return new Real(...args)
  } as unknown as typeof Real)
}

/** A window whose idle callbacks run when the test says, and whose canvas records what it measured. */
function twin(canvas = true) {
  const idle: (() => void)[] = []
  const measured: string[] = []
  const win: WarmUpWindow = {
    requestIdleCallback: (run) => idle.push(run),
    OffscreenCanvas: canvas
      ? class {
        getContext() {
          return { font: '', measureText(this: { font: string }, text: string) { measured.push(`${this.font}|${text}`) } }
        }
      }
      : undefined,
  }
  return { win, idle, measured }
}

describe('warmUp', () => {
  it('does nothing until the page is idle, then measures text in each strike of the default font', () => {
    const { win, idle, measured } = twin()
    warmUp(win)
    expect(measured).toEqual([])
    for (const run of idle) run()
    // Latin and × in each strike, and an Arabic letter: the fallback font Persian and Arabic readers need.
    expect(measured).toEqual(['14px', 'bold 16.1px', '12.6px', '20px'].map((strike) => `${strike} ${FONT}|x×ب`))
  })

  it("warms the strikes the host stylesheet draws a step's text in", () => {
    // The sizes in px at the default 14px: if a title or the small print changes size, STRIKES follows.
    const base = Number(/font:var\(--cairn-font-size,(\d+)px\)/.exec(HOST_CSS)?.[1])
    const size = (rule: string) => {
      const value = new RegExp(`(^|\\n)${rule}\\{[^}]*font-size:([\\d.]+)(em|px)`).exec(HOST_CSS)
      return value?.[3] === 'em' ? Math.round(Number(value[2]) * base * 10) / 10 : Number(value?.[2])
    }
    expect([`${base}px`, `bold ${size('\\.title')}px`, `${size('\\.progress')}px`, `${size('\\.close')}px`]).toEqual(STRIKES)
  })

  it('skips what the browser lacks: no idle callbacks, no OffscreenCanvas', () => {
    expect(() => warmUp({})).not.toThrow()
    const { win, idle, measured } = twin(false)
    warmUp(win)
    expect(() => idle.forEach((run) => run())).not.toThrow()
    expect(measured).toEqual([])
  })
})

describe('numberFormatter', () => {
  it("writes a widget's small whole numbers in en, fa and ar without Intl.NumberFormat, digit for digit as it would", () => {
    const made = countFormats()
    const ours = ['en', 'fa', 'ar'].map((tag) => Array.from({ length: 1000 }, (_, n) => numberFormatter(tag)(n)))
    expect(made).not.toHaveBeenCalled()
    const real = ['en', 'fa', 'ar-u-nu-arab'].map((tag) => Array.from({ length: 1000 }, (_, n) => new Intl.NumberFormat(tag).format(n)))
    expect(ours).toEqual(real)
  })

  it('leaves the rest to Intl.NumberFormat: grouping, fractions, negatives and every other tag', () => {
    const made = countFormats()
    expect([numberFormatter('en')(1234), numberFormatter('fa')(1000), numberFormatter('ar')(2.5), numberFormatter('en')(-3)]).toEqual(['1,234', '۱٬۰۰۰', '٢٫٥', '-3'])
    expect(numberFormatter('de')(7)).toBe('7')
    expect(made).toHaveBeenCalledTimes(4)
  })

  it('makes one Intl.NumberFormat per tag, on first use', () => {
    const made = countFormats()
    const fa = numberFormatter('fa-AF')
    expect(made).not.toHaveBeenCalled()
    expect([fa(1), fa(10), numberFormatter('fa-AF')(2)]).toEqual(['۱', '۱۰', '۲'])
    expect(made).toHaveBeenCalledTimes(1)
  })
})
