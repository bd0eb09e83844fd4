/**
 * The classic-script entry, built to `dist/cairn.js`: reads its `data-*` attributes, sets
 * `window.cairn` and replays what the snippet queued. Widget chunks load from the same directory.
 */
import { init } from '../core/init.ts'
import type { InitOptions } from '../core/types.ts'
import { createGlobal, replay } from './global.ts'
import type { CairnGlobal } from './global.ts'
import { scriptOptions } from './script-options.ts'

try {
  const win = window as Window & { cairn?: { _q?: unknown } | CairnGlobal }
  const existing = win.cairn as { _q?: unknown } | undefined
  // Loaded twice (two snippets, or a snippet and a tag): the first copy stays in charge.
  if (!existing || Array.isArray(existing._q)) {
    const script = document.currentScript as HTMLScriptElement | null
    const base = script?.src || win.location.href
    const defaults = scriptOptions(script)
    const global = (win.cairn = createGlobal((options) => init(options, {
      loadChunk: (name) => import(/* @vite-ignore */ new URL(`./${name}.js`, base).href),
    }), defaults))
    if (defaults.key) global.init({} as InitOptions)
    replay(global, existing?._q)
  }
} catch (error) {
  // A broken host page must not see an exception from Cairn.
  console.warn('[cairn] could not start', error)
}
