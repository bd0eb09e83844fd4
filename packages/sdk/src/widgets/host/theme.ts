import type { Theme } from './types.ts'

/**
 * Writes `init({ theme })` onto the host element as `--cairn-*` custom properties through the CSSOM
 * (`style.setProperty`, never a style string), so they beat the page's CSS and inherit into the
 * shadow tree. Keys are camelCase token names (`accentText` → `--cairn-accent-text`); other keys are
 * ignored, and a value the browser can't parse is dropped by the CSSOM itself.
 * @example applyTheme(host, { accent: '#0a7', radius: '4px', zIndex: 1000 })
 */
export function applyTheme(element: HTMLElement, theme: Theme | undefined): void {
  for (const [key, value] of Object.entries(theme ?? {})) {
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(key)) continue
    element.style.setProperty(`--cairn-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, String(value))
  }
}
