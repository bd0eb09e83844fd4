import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'

/** axe-core's source, to inject into a page (`addInitScript`) before it runs. */
export const AXE_SOURCE = readFileSync(resolve(import.meta.dirname, '../../../node_modules/axe-core/axe.min.js'), 'utf8')

/**
 * What axe-core finds on the whole page, shadow roots included, as `rule: targets` lines. Waits for
 * the widgets' animations to finish first, so colours are measured as shown.
 */
export const axeViolations = (page: Page): Promise<string[]> =>
  page.evaluate(async () => {
    const root = document.querySelector('cairn-root')?.shadowRoot
    await Promise.all((root?.getAnimations() ?? []).map((a) => a.finished))
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe
    return (await axe.run(document)).violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)
  })
