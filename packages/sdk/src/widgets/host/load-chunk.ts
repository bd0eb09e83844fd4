import type { FlowKind } from '@cairn/protocol'
import type { WidgetModule } from './types.ts'

/**
 * URL of a widget chunk under `base` (the directory `cairn.js` was loaded from): `runtime` and each
 * kind (`tour`, `survey`, …) are built to `<name>.js` there.
 */
export function chunkUrl(base: string | URL, name: string): string {
  return new URL(`${name}.js`, base).href
}

/** Imports a chunk by URL: what `loadChunk` does when the SDK gives none. */
export function importChunk(base: string | URL): (name: string) => Promise<unknown> {
  return (name) => import(/* @vite-ignore */ chunkUrl(base, name))
}

/**
 * Loads a widget kind's chunk and checks it exports a component. Rejects when the chunk fails to
 * load, throws while evaluating or exports no component; the runtime reports that as `chunk_failed`.
 */
export async function loadKind(kind: FlowKind, loadChunk: (name: string) => Promise<unknown>): Promise<WidgetModule> {
  const module = (await loadChunk(kind)) as Partial<WidgetModule> | null
  if (typeof module?.default !== 'function' || (module.check !== undefined && typeof module.check !== 'function')) {
    throw new TypeError(`${kind}.js exports no widget component`)
  }
  return module as WidgetModule
}
