import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { gzipBytes, ROOT } from './sizes.ts'

const ASSETS = join(ROOT, 'packages/dashboard/dist/assets')

/** The dashboard's JavaScript budget (issue 14): everything a browser downloads to draw it. */
export const DASHBOARD_JS_BUDGET = 60 * 1024

describe('the dashboard build', () => {
  it('exists (npm run build)', () => {
    expect(existsSync(join(ROOT, 'packages/dashboard/dist/index.html')), 'run `npm run build`').toBe(true)
  })

  it(`ships at most ${DASHBOARD_JS_BUDGET} bytes of JavaScript, gzipped`, () => {
    const js = readdirSync(ASSETS).filter((f) => f.endsWith('.js'))
    expect(js.length).toBeGreaterThan(0)
    const total = js.reduce((sum, f) => sum + gzipBytes(readFileSync(join(ASSETS, f))), 0)
    expect(total).toBeLessThanOrEqual(DASHBOARD_JS_BUDGET)
  })

  it('has no inline script or style, so it runs under its CSP', () => {
    const html = readFileSync(join(ROOT, 'packages/dashboard/dist/index.html'), 'utf8')
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(html).not.toMatch(/<style|\sstyle=/)
    for (const f of readdirSync(ASSETS).filter((x) => x.endsWith('.js'))) {
      const code = readFileSync(join(ASSETS, f), 'utf8')
      // Preact's dangerouslySetInnerHTML path is in the bundle but never taken; Trusted Types would refuse it.
      expect(/\beval\(|new Function\(/.test(code), f).toBe(false)
    }
  })
})
