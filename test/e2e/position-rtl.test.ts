import { describe, expect, it } from 'vitest'
import type { TourFlow } from '@cairn/protocol'
import { chromiumAvailable } from './harness/chromium.ts'
import { useFlowsFixture, watchedPage } from './flows-harness.ts'

const tour = (placement: 'bottom-start' | 'bottom-end'): TourFlow => ({
  id: `placed-${placement}`, kind: 'tour', steps: [{ id: 'here', target: '#page-button', title: 'This button is new', placement }],
  locales: { fa: { steps: [{ title: 'این دکمه تازه است' }] } },
})

/**
 * position.ts gives floating-ui `-start`/`-end` as written; floating-ui reads them against the tip's
 * own direction (it inherits the widget's `dir`). Mirroring them a second time put a right-to-left
 * tip's start on the left.
 */
describe.skipIf(!chromiumAvailable())('logical start/end placements of a tour step in real Chromium', () => {
  const fixture = useFlowsFixture([tour('bottom-start'), tour('bottom-end')])

  it.each([
    ['bottom-start', 'en', 'left'], ['bottom-end', 'en', 'right'],
    ['bottom-start', 'fa', 'right'], ['bottom-end', 'fa', 'left'],
  ] as const)('%s in %s lines the tip up with the target’s %s edge', async (placement, locale, edge) => {
    const context = await fixture.context()
    const { page, watched } = await watchedPage(context)
    await page.goto(`/app/home?locale=${locale}`)
    // Room on both sides of the target, so neither flip nor shift has to move the tip.
    await page.evaluate(() => {
      const button = document.getElementById('page-button') as HTMLElement
      button.style.setProperty('margin-inline-start', '420px')
      button.style.setProperty('inline-size', '160px')
    })
    await page.waitForFunction(() => 'showTour' in ((window as unknown as { cairn?: object }).cairn ?? {}))
    await page.evaluate((id) => (window as unknown as { cairn: { showTour(id: string): void } }).cairn.showTour(id), `placed-${placement}`)
    const tip = page.locator('cairn-root').getByRole('dialog')
    await tip.waitFor()
    await page.waitForTimeout(300)
    const [t, b] = await Promise.all([page.locator('#page-button').boundingBox(), tip.boundingBox()])
    expect(Math.abs(edge === 'left' ? b!.x - t!.x : b!.x + b!.width - (t!.x + t!.width))).toBeLessThanOrEqual(1)
    expect(b!.y).toBeGreaterThan(t!.y + t!.height)
    expect(watched.errors).toEqual([])
    await context.close()
  })
})
