/**
 * The npm build's chunk loader: each widget module is a dynamic `import()`, which the bundler (ours
 * for `dist/esm`, or the app's own) emits as a separate chunk. Nothing here is loaded before a flow
 * shows, so a page that only tracks never downloads preact.
 */
const CHUNKS: Record<string, () => Promise<unknown>> = {
  engine: () => import('../core/engine-chunk.ts'),
  stores: () => import('../core/store-side.ts'),
  runtime: () => import('../widgets/runtime.ts'),
  tour: () => import('../widgets/tour.tsx'),
  survey: () => import('../widgets/survey.tsx'),
  checklist: () => import('../widgets/checklist.tsx'),
  announcement: () => import('../widgets/announcement.tsx'),
  preview: () => import('../widgets/preview.tsx'),
}

/** Loads a widget chunk by name (`runtime`, `tour`, …); rejects for any other name. */
export function loadNpmChunk(name: string): Promise<unknown> {
  return Object.hasOwn(CHUNKS, name) ? CHUNKS[name]!() : Promise.reject(new Error(`no widget chunk named "${name}"`))
}
