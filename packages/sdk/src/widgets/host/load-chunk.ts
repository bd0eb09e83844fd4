import type { FlowKind } from '@cairn/protocol'
import type { WidgetModule } from './types.ts'

/**
 * File name of a widget chunk, the same in the build (which names its entries this way) and here:
 * `cairn-runtime.js` for the runtime, `cairn-tour.js`, `cairn-survey.js`, … for the kinds.
 */
export function chunkFile(name: FlowKind | 'runtime'): string {
  return `cairn-${name}.js`
}

/** Absolute URL of a kind's chunk under `base` (the directory `cairn.js` was loaded from). */
export function kindChunkUrl(base: string | URL, kind: FlowKind): string {
  return new URL(chunkFile(kind), base).href
}

/**
 * Imports a widget kind's chunk and checks it exports a component. Rejects when the chunk fails to
 * load, throws while evaluating or exports no component; the runtime reports that as `chunk_failed`.
 */
export async function loadKind(
  kind: FlowKind,
  base: string | URL,
  importKind: (kind: FlowKind, url: string) => Promise<unknown> = (_, url) => import(/* @vite-ignore */ url),
): Promise<WidgetModule> {
  const module = (await importKind(kind, kindChunkUrl(base, kind))) as Partial<WidgetModule> | null
  if (typeof module?.default !== 'function') throw new TypeError(`${chunkFile(kind)} exports no widget component`)
  return module as WidgetModule
}
