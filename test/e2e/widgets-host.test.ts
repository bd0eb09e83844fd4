import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { AnnouncementFlow, Flow } from '@cairn/protocol'
import { announcement, checklist, survey, tour } from '../widgets/flows.ts'
import { AXE_SOURCE, CHROMIUM, events, openPage, settled, showFlow, startHostFixture, violations, type HostFixture } from './widgets-host-harness.ts'

const HOSTILE_BODY = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 1">',
  '<svg onload="window.__pwned = 1"></svg>',
  '<iframe srcdoc="<script>parent.__pwned = 1</script>"></iframe>',
  '<a href="javascript:window.__pwned=1">raw link</a>',
  '[markdown js](javascript:window.__pwned=1)',
  '[mixed case](JaVaScRiPt:window.__pwned=1)',
  '[entity](javascript&#58;window.__pwned=1)',
  '[data](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+)',
  '[vb](vbscript:msgbox)',
  '{{constructor.constructor("window.__pwned = 1")()}}',
  '{{user.constructor.constructor|x}} {{user.__proto__.polluted|y}}',
  '<style>* { display: none }</style> <b onmouseover="window.__pwned = 1">hover</b>',
  '[fine](https://example.com/ok)',
].join('\n\n')

const hostile: AnnouncementFlow = {
  id: 'hostile',
  kind: 'announcement',
  style: 'modal',
  title: 'Hi {{user.firstName|there}} <img src=x onerror="window.__pwned = 1">',
  body: HOSTILE_BODY,
}

const FLOWS: Record<string, Flow> = {
  tour,
  survey,
  checklist,
  modal: announcement('modal'),
  banner: announcement('banner'),
  hostile,
}

const run = existsSync(CHROMIUM)
if (!run) {
  if (process.env['CI']) throw new Error(`Chromium not found at ${CHROMIUM}: the widget host e2e suite needs it in CI`)
  console.warn(`\n⚠ SKIPPING the widget host e2e suite: no Chromium at ${CHROMIUM}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.\n`)
}

/** Text of the shadow root, and whether a role/name is there. */
const shadow = {
  dialogName: (page: Page) =>
    page.evaluate(() => {
      const root = document.querySelector('cairn-root')?.shadowRoot
      const box = root?.querySelector('[role="dialog"],[role="region"]')
      return box ? root?.getElementById(box.getAttribute('aria-labelledby') ?? '')?.textContent ?? null : null
    }),
  text: (page: Page) => page.evaluate(() => document.querySelector('cairn-root')?.shadowRoot?.textContent ?? ''),
}

describe.runIf(run)('widget host in real Chromium', () => {
  let fixture: HostFixture

  beforeAll(async () => {
    fixture = await startHostFixture(FLOWS)
  })

  afterAll(async () => {
    await fixture?.close()
  })

  describe('under a strict CSP with Trusted Types', () => {
    it.each([
      ['tour', 'en', 'Welcome, there'],
      ['tour', 'fa', 'خوش آمدید، دوست من'],
      ['tour', 'ar', 'أهلًا بك'],
      ['survey', 'en', 'How likely are you to recommend us?'],
      ['survey', 'fa', 'چقدر احتمال دارد ما را معرفی کنید؟'],
      ['checklist', 'en', 'Get started'],
      ['modal', 'en', 'Dark mode is here'],
      ['banner', 'ar', 'Dark mode is here'],
    ])('shows the %s placeholder in %s, styled, with zero violations', async (id, locale, title) => {
      const options = encodeURIComponent(JSON.stringify({ locale, theme: { accent: 'rgb(0, 119, 85)' } }))
      const { page, record } = await openPage(fixture, `page.html?csp=strict&options=${options}`)
      await showFlow(page, id)
      expect(await shadow.dialogName(page)).toBe(title)
      const look = await page.evaluate(() => {
        const root = document.querySelector('cairn-root')?.shadowRoot
        const surface = root?.querySelector('.surface') as HTMLElement
        const primary = root?.querySelector('.primary') as HTMLElement | null
        // The checklist has no primary button until it is done; its progress ring is drawn in the accent.
        const accent = primary ? getComputedStyle(primary).backgroundColor : getComputedStyle(root?.querySelector('.cl-fill') as Element).stroke
        return { border: getComputedStyle(surface).borderTopStyle, accent, styleElements: root?.querySelectorAll('style').length }
      })
      expect(look).toEqual({ border: 'solid', accent: 'rgb(0, 119, 85)', styleElements: 0 })
      expect(await events(page)).toEqual(['shown'])
      expect(await violations(page, record)).toEqual([])
      expect(record.errors).toEqual([])
      await page.close()
    })

    it('falls back to <style nonce> without constructable stylesheets, with zero violations', async () => {
      const withoutSheets = async (page: Page) =>
        page.addInitScript(() => Object.defineProperty(CSSStyleSheet.prototype, 'replaceSync', { value: undefined }))
      const options = encodeURIComponent(JSON.stringify({ nonce: 'c41rn' }))
      const { page, record } = await openPage(fixture, `page.html?csp=nonce&options=${options}`, withoutSheets)
      await showFlow(page, 'tour')
      const look = await page.evaluate(() => {
        const root = document.querySelector('cairn-root')?.shadowRoot
        return { styles: root?.querySelectorAll('style[nonce]').length, radius: getComputedStyle(root?.querySelector('.surface') as Element).borderTopLeftRadius }
      })
      // The host's sheet and the tour chunk's own.
      expect(look).toEqual({ styles: 2, radius: '10px' })
      expect(await violations(page, record)).toEqual([])
      await page.close()

      // Control: without the nonce the same page does report a violation, so the listener works.
      const control = await openPage(fixture, 'page.html?csp=nonce', withoutSheets)
      await showFlow(control.page, 'tour')
      await control.page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length > 0, null, { timeout: 10_000 })
      await control.page.close()
    })
  })

  it('host CSS as hostile as possible changes nothing in the widget, and the widget stays on top', async () => {
    const snapshot = async (path: string) => {
      const { page } = await openPage(fixture, path)
      await showFlow(page, 'tour')
      // Compare the settled look, not two moments of the entrance animation.
      await settled(page)
      const result = await page.evaluate(() => {
        const host = document.querySelector('cairn-root') as HTMLElement
        const elements = [...(host.shadowRoot?.querySelectorAll('.root, .root *') ?? [])]
        const styles = elements.map((el) => {
          const style = getComputedStyle(el)
          return Object.fromEntries([...style].map((name) => [name, style.getPropertyValue(name)]))
        })
        const next = host.shadowRoot?.querySelector('.primary') as HTMLElement
        const box = next.getBoundingClientRect()
        const onTop = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === host
        return { styles, onTop, count: elements.length }
      })
      await page.close()
      return result
    }
    const clean = await snapshot('page.html')
    const attacked = await snapshot('hostile.html')
    expect(attacked.count).toBe(clean.count)
    expect(attacked.count).toBeGreaterThan(5)
    attacked.styles.forEach((style, i) => {
      const differences = Object.keys(style).filter((name) => style[name] !== clean.styles[i]?.[name])
      expect(differences, `element ${i}`).toEqual([])
    })
    expect(attacked.onTop).toBe(true)
  })

  describe('right to left', () => {
    const layout = async (lang: string, id: string) => {
      const { page } = await openPage(fixture, `page.html?lang=${lang}&dir=${lang === 'en' ? 'ltr' : 'rtl'}`)
      await page.setViewportSize({ width: 1000, height: 700 })
      await showFlow(page, id)
      if (id === 'tour') await page.evaluate(() => (document.querySelector('cairn-root')?.shadowRoot?.querySelector('.primary') as HTMLElement).click())
      const result = await page.evaluate(() => {
        const root = document.querySelector('cairn-root')?.shadowRoot
        const x = (selector: string) => {
          const box = (root?.querySelector(selector) as Element).getBoundingClientRect()
          return { left: Math.round(box.left), right: Math.round(box.right), center: Math.round(box.left + box.width / 2) }
        }
        const buttons = [...(root?.querySelectorAll('.actions .btn') ?? [])].map((b) => b.textContent)
        return {
          dir: root?.querySelector('.root')?.getAttribute('dir'),
          surface: x('.surface'),
          close: x('.close'),
          progress: root?.querySelector('.actions .progress') ? x('.actions .progress') : null,
          primary: x('.primary'),
          firstButton: x('.actions .btn'),
          buttons,
          progressText: root?.querySelector('.actions .progress')?.textContent,
        }
      })
      await page.close()
      return result
    }

    it.each([
      ['fa', '۲ از ۳', ['قبلی', 'بعدی']],
      ['ar', '٢ من ٣', ['السابق', 'التالي']],
    ])('mirrors a %s tour step: close button, progress and buttons swap sides', async (lang, progress, buttons) => {
      const ltr = await layout('en', 'tour')
      const rtl = await layout(lang, 'tour')
      expect([ltr.dir, rtl.dir]).toEqual(['ltr', 'rtl'])
      expect(rtl.progressText).toBe(progress)
      expect(rtl.buttons).toEqual(buttons)
      // English: close at the right edge, progress at the left, Next right of Back. RTL: the mirror image.
      expect(ltr.close.center).toBeGreaterThan(ltr.surface.center)
      expect(rtl.close.center).toBeLessThan(rtl.surface.center)
      expect(ltr.progress!.center).toBeLessThan(ltr.primary.center)
      expect(rtl.progress!.center).toBeGreaterThan(rtl.primary.center)
      expect(ltr.primary.center).toBeGreaterThan(ltr.firstButton.center)
      expect(rtl.primary.center).toBeLessThan(rtl.firstButton.center)
      expect(Math.abs(ltr.surface.left - (1000 - rtl.surface.right))).toBeLessThanOrEqual(1)
    })

    it('puts a corner survey in the bottom-left corner of a Persian page', async () => {
      const ltr = await layout('en', 'survey')
      const rtl = await layout('fa', 'survey')
      expect(1000 - ltr.surface.right).toBe(16)
      expect(rtl.surface.left).toBe(16)
    })
  })

  it('a hostile-content corpus never runs, renders as text, and links stay http(s)', async () => {
    const { page, record } = await openPage(fixture, 'page.html')
    await showFlow(page, 'hostile', { user: { traits: { firstName: '<img src=x onerror="window.__pwned = 1">' } } })
    await page.waitForTimeout(200)
    const seen = await page.evaluate(() => {
      const root = document.querySelector('cairn-root')?.shadowRoot
      const tags = new Set([...(root?.querySelectorAll('.root *') ?? [])].map((el) => el.tagName.toLowerCase()))
      const hrefs = [...(root?.querySelectorAll('a') ?? [])].map((a) => a.href)
      const handlers = [...(root?.querySelectorAll('*') ?? [])].flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith('on')))
      const title = root?.querySelector('h2')?.textContent
      for (const el of root?.querySelectorAll('b, strong, em, p') ?? []) el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))
      return { tags: [...tags].sort(), hrefs, handlers, title, pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null, polluted: ({} as Record<string, unknown>)['polluted'] ?? null }
    })
    expect(seen.tags.filter((t) => !['div', 'h2', 'p', 'a', 'strong', 'em', 'br', 'ul', 'ol', 'li', 'span', 'button'].includes(t))).toEqual([])
    // `javascript&#58;…` is no scheme (we never decode HTML entities): just a harmless relative path.
    expect(seen.hrefs).toEqual([`${fixture.url}/javascript&#58;window.__pwned=1`, 'https://example.com/ok'])
    expect(seen.handlers).toEqual([])
    expect(seen.title).toBe('Hi <img src=x onerror="window.__pwned = 1"> <img src=x onerror="window.__pwned = 1">')
    expect(await shadow.text(page)).toContain('<script>window.__pwned = 1</script>')
    await page.evaluate(() => (document.querySelector('cairn-root')?.shadowRoot?.querySelector('.primary') as HTMLElement).click())
    await page.waitForTimeout(100)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull()
    expect(seen.pwned).toBeNull()
    expect(seen.polluted).toBeNull()
    expect(record.dialogs).toEqual([])
    expect(record.errors).toEqual([])
    expect(await events(page)).toEqual(['shown', 'completed:0'])
    await page.close()
  })

  describe('accessibility', () => {
    it.each([
      ['tour', 'en', 'light'], ['tour', 'fa', 'light'], ['survey', 'en', 'light'], ['survey', 'fa', 'light'],
      ['checklist', 'en', 'light'], ['checklist', 'fa', 'light'], ['modal', 'en', 'light'], ['modal', 'fa', 'light'],
      ['banner', 'en', 'light'], ['banner', 'ar', 'light'], ['tour', 'en', 'dark'], ['survey', 'fa', 'dark'],
    ] as const)('axe-core finds no violations in the %s placeholder (%s, %s)', async (id, lang, colorScheme) => {
      const { page } = await openPage(fixture, `page.html?lang=${lang}`, (p) => p.addInitScript(AXE_SOURCE))
      await page.emulateMedia({ colorScheme })
      await showFlow(page, id)
      await settled(page)
      const found = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe
        const result = await axe.run(document)
        return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)
      })
      expect(found).toEqual([])
      await page.close()
    })

    it('keyboard: focus moves in, Tab stays inside, the ring is visible, Esc dismisses and focus returns', async () => {
      const { page } = await openPage(fixture, 'page.html')
      await page.focus('#launcher')
      await showFlow(page, 'tour')
      const focused = () =>
        page.evaluate(() => {
          const inner = document.activeElement?.shadowRoot?.activeElement
          return inner ? `${inner.className || inner.tagName}|${getComputedStyle(inner).outlineStyle}` : `page:${document.activeElement?.id}`
        })
      expect(await focused()).toMatch(/^btn primary\|/)
      await page.keyboard.press('Tab')
      expect(await focused()).toBe('close|solid')
      await page.keyboard.press('Tab')
      expect(await focused()).toBe('btn primary|solid')
      await page.keyboard.press('Shift+Tab')
      expect(await focused()).toBe('close|solid')
      await page.keyboard.press('Enter')
      expect(await events(page)).toEqual(['shown', 'dismissed:0:close'])
      expect(await focused()).toBe('page:launcher')

      await showFlow(page, 'tour')
      await page.keyboard.press('Enter')
      await page.keyboard.press('Escape')
      expect(await events(page)).toEqual(['shown', 'dismissed:0:close', 'shown', 'step:1', 'dismissed:1:escape'])
      expect(await focused()).toBe('page:launcher')
      await page.close()
    })

    it('announces a non-modal widget through the polite live region', async () => {
      const { page } = await openPage(fixture, 'page.html')
      await showFlow(page, 'survey')
      await page.waitForFunction(() => document.querySelector('cairn-root')?.shadowRoot?.querySelector('[role="status"]')?.textContent !== '')
      expect(await page.evaluate(() => document.querySelector('cairn-root')?.shadowRoot?.querySelector('[role="status"]')?.textContent)).toBe(
        'How likely are you to recommend us?',
      )
      await page.close()
    })

    it('respects prefers-reduced-motion and follows prefers-color-scheme', async () => {
      const look = async (media: { reducedMotion: 'reduce' | 'no-preference'; colorScheme: 'light' | 'dark' }) => {
        const { page } = await openPage(fixture, 'page.html')
        await page.emulateMedia(media)
        await showFlow(page, 'modal')
        const result = await page.evaluate(() => {
          const surface = document.querySelector('cairn-root')?.shadowRoot?.querySelector('.surface') as Element
          return { animation: getComputedStyle(surface).animationName, background: getComputedStyle(surface).backgroundColor }
        })
        await page.close()
        return result
      }
      expect(await look({ reducedMotion: 'no-preference', colorScheme: 'light' })).toEqual({ animation: 'cairn-in', background: 'rgb(255, 255, 255)' })
      expect(await look({ reducedMotion: 'reduce', colorScheme: 'dark' })).toEqual({ animation: 'none', background: 'rgb(30, 32, 38)' })
    })
  })

  it('position.js anchors a box to its target, mirrors logical placements in RTL, under strict CSP', async () => {
    const { page, record } = await openPage(fixture, 'page.html?csp=strict')
    const place = (placement: string, dir: string) =>
      page.evaluate(([p, d]) => (window as unknown as { __anchor(p: string, d: string): Promise<Record<string, unknown>> }).__anchor(p as string, d as string), [placement, dir])
    expect(await place('bottom-start', 'ltr')).toEqual({ side: 'bottom-start', gap: 12, left: 0, right: expect.any(Number) })
    // Start is the right edge in RTL: floating-ui aligns it, and position.ts does not mirror it a second time.
    expect(await place('bottom-start', 'rtl')).toEqual({ side: 'bottom-start', gap: 12, left: expect.any(Number), right: 0 })
    expect(await place('bottom-end', 'rtl')).toEqual({ side: 'bottom-end', gap: 12, left: 0, right: expect.any(Number) })
    expect(await violations(page, record)).toEqual([])
    await page.close()
  })

  it('a widget chunk that fails to load is reported as chunk_failed and the page is unaffected', async () => {
    const options = encodeURIComponent(JSON.stringify({ missingChunks: true }))
    const { page, record } = await openPage(fixture, `page.html?csp=strict&options=${options}`)
    await showFlow(page, 'survey')
    expect(await events(page)).toEqual(['error:chunk_failed'])
    expect(await page.evaluate(() => document.querySelector('cairn-root'))).toBeNull()
    expect(record.errors).toEqual([])
    await page.close()
  })
})
