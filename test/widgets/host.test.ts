import { afterEach, describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createHostRoot } from '../../packages/sdk/src/widgets/host/host-root.ts'
import { applyTheme } from '../../packages/sdk/src/widgets/host/theme.ts'
import { HOST_CSS } from '../../packages/sdk/src/widgets/host/styles.ts'
import { show } from './harness.ts'
import { tour } from './flows.ts'

afterEach(() => {
  document.body.replaceChildren()
})

describe('host element', () => {
  it('is added lazily, once, with styles adopted as a constructable sheet and no <style> element', async () => {
    const host = createHostRoot(document)
    expect(host.element.isConnected).toBe(false)
    host.attach()
    host.attach()
    expect(document.querySelectorAll('cairn-root')).toHaveLength(1)
    expect(host.shadow.adoptedStyleSheets).toHaveLength(1)
    expect(host.shadow.querySelector('style')).toBeNull()
    expect(host.element.hasAttribute('style')).toBe(false)
    host.remove()
    expect(document.querySelector('cairn-root')).toBeNull()
  })

  it('falls back to a <style nonce> when constructable stylesheets are missing', () => {
    // A browser without constructable stylesheets (Safari < 16.4): no usable replaceSync.
    Object.defineProperty(window.CSSStyleSheet.prototype, 'replaceSync', { value: undefined, configurable: true })
    try {
      const host = createHostRoot(document, { nonce: 'r4nd0m' })
      const style = host.shadow.querySelector('style')
      expect(style?.getAttribute('nonce')).toBe('r4nd0m')
      expect(style?.textContent).toBe(HOST_CSS)
      expect(host.shadow.adoptedStyleSheets).toHaveLength(0)
    } finally {
      delete (window.CSSStyleSheet.prototype as unknown as Record<string, unknown>)['replaceSync']
    }
  })

  it('hands out ids unique within the shadow root', () => {
    const host = createHostRoot(document)
    expect(new Set([host.nextId('title'), host.nextId('title'), host.nextId('body')]).size).toBe(3)
  })

  it('keeps a polite live region that re-announces and carries the language', async () => {
    const host = createHostRoot(document)
    const region = host.shadow.querySelector('[role="status"]') as HTMLElement
    expect(region.getAttribute('aria-live')).toBe('polite')
    host.announce('سلام', 'fa')
    expect(region.textContent).toBe('')
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect([region.textContent, region.lang]).toEqual(['سلام', 'fa'])
  })
})

describe('theme', () => {
  it('writes init({ theme }) tokens as --cairn-* custom properties through the CSSOM', async () => {
    const { host } = await show(tour, {}, { theme: { accent: '#0a7', accentText: 'black', '--cairn-radius': '4px', zIndex: 1000, 'bad;key': 'x', 'a b': 'y', '--other': 'z', '--cairn-X;': 'w' } })
    expect(host?.style.getPropertyValue('--cairn-accent')).toBe('#0a7')
    expect(host?.style.getPropertyValue('--cairn-accent-text')).toBe('black')
    expect(host?.style.getPropertyValue('--cairn-radius')).toBe('4px')
    expect(host?.style.getPropertyValue('--cairn-z-index')).toBe('1000')
    expect(host?.style.length).toBe(4)
  })

  it('ignores a missing theme', () => {
    const el = document.createElement('div')
    applyTheme(el, undefined)
    expect(el.style.length).toBe(0)
  })

  it('documents every public token it reads, with light and dark defaults', () => {
    const tokens = new Set(HOST_CSS.match(/--cairn-[a-z-]+/g))
    const doc = readFileSync(join(__dirname, '../../docs/widget-host.md'), 'utf8')
    for (const token of tokens) expect(doc, token).toContain(`\`${token}\``)
    expect(HOST_CSS).toMatch(/prefers-color-scheme:dark/)
    expect(HOST_CSS).toMatch(/prefers-reduced-motion:reduce/)
  })

  it('uses logical properties only, and px rather than rem', () => {
    expect(HOST_CSS).not.toMatch(/(?<![-\w])(left|right|top|bottom|margin-left|margin-right|padding-left|padding-right|text-align:\s*(left|right))\s*:/)
    expect(HOST_CSS).not.toMatch(/\d+rem/)
  })
})

describe('source rules for the widget code', () => {
  const roots = ['widgets', 'content', 'i18n'].map((dir) => join(__dirname, '../../packages/sdk/src', dir))
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]))
  const sources = roots.flatMap(files).map((file) => [file, readFileSync(file, 'utf8')] as const)

  it.each([
    ['innerHTML', /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/],
    ['eval', /\beval\(|new Function\(/],
    ['style strings', /setAttribute\(\s*['"]style|\.cssText|style=["'{]\s*['"`]/],
    ['TS enums', /\benum\s+\w+\s*\{/],
  ])('never uses %s', (_, pattern) => {
    for (const [file, text] of sources) expect(text, file).not.toMatch(pattern)
  })

  it('imports @floating-ui/dom from position.ts only', () => {
    const importers = sources.filter(([, text]) => text.includes("'@floating-ui/dom'")).map(([file]) => file.split('/src/')[1])
    expect(importers).toEqual(importers.length ? ['widgets/position.ts'] : [])
  })
})
