import { applyTheme } from './theme.ts'
import { createLiveRegion } from './live-region.ts'
import { HOST_CSS } from './styles.ts'
import type { Theme } from './types.ts'

/** The one element Cairn adds to the page, with the open shadow root every widget renders into. */
export interface HostRoot {
  element: HTMLElement
  shadow: ShadowRoot
  /** A new container for one widget, with its language and direction. */
  container(lang: string, dir: 'ltr' | 'rtl'): HTMLElement
  /** Says `message` through the shared polite live region. */
  announce(message: string, lang: string): void
  /** An id unique within the shadow root. */
  nextId(name: string): string
  /** Adds a widget kind's own stylesheet once (`key`: the kind). */
  style(key: string, css: string): void
  /** Puts the element back at the end of `<body>` if the page removed it. */
  attach(): void
  remove(): void
}

/** Options that shape the host element. */
export interface HostRootOptions {
  theme?: Theme | undefined
  nonce?: string | undefined
}

/**
 * Creates `<cairn-root>` with an open shadow root. Styles go in as a constructable stylesheet
 * (`adoptedStyleSheets`: no `<style>` element, nothing for a strict `style-src` to block); where
 * that API is missing, a `<style nonce>` element carries them instead.
 */
export function createHostRoot(doc: Document, options: HostRootOptions = {}): HostRoot {
  const element = doc.createElement('cairn-root')
  const shadow = element.attachShadow({ mode: 'open' })
  const Sheet = doc.defaultView?.CSSStyleSheet
  const styled = new Set<string>()
  const style = (key: string, css: string) => {
    if (styled.has(key)) return
    styled.add(key)
    if (Sheet && 'adoptedStyleSheets' in shadow && typeof Sheet.prototype.replaceSync === 'function') {
      const sheet = new Sheet()
      sheet.replaceSync(css)
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet]
    } else {
      const tag = doc.createElement('style')
      if (options.nonce) tag.setAttribute('nonce', options.nonce)
      tag.textContent = css
      shadow.insertBefore(tag, shadow.querySelector('.root'))
    }
  }
  style('', HOST_CSS)
  applyTheme(element, options.theme)
  const announce = createLiveRegion(shadow)
  let ids = 0
  const attach = () => {
    if (!element.isConnected) (doc.body ?? doc.documentElement).append(element)
  }
  return {
    element,
    shadow,
    container(lang, dir) {
      const root = doc.createElement('div')
      root.className = 'root'
      root.lang = lang
      root.dir = dir
      shadow.append(root)
      return root
    },
    announce,
    style,
    nextId: (name) => `cairn-${name}-${++ids}`,
    attach,
    remove: () => element.remove(),
  }
}
