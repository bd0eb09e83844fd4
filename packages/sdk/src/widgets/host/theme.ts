import type { Theme } from './types.ts'

/**
 * Writes `init({ theme })` onto the host element as `--cairn-*` custom properties through the CSSOM
 * (`style.setProperty`, never a style string), so they beat the page's CSS and inherit into the
 * shadow tree. Keys are token names, camelCase (`accentText`) or as the property (`--cairn-accent-text`);
 * other keys are ignored, and a value the browser can't parse is dropped by the CSSOM itself.
 * @example applyTheme(host, { accent: '#0a7', '--cairn-radius': '4px', zIndex: 1000 })
 */
export function applyTheme(element: HTMLElement, theme: Theme | undefined): void {
  for (const [key, value] of Object.entries(theme ?? {})) {
    const name = /^[a-zA-Z][a-zA-Z0-9]*$/.test(key) ? `--cairn-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : key
    if (/^--cairn-[a-z0-9-]+$/.test(name)) element.style.setProperty(name, String(value))
  }
}
