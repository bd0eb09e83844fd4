import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DIST, gzipBytes } from './sizes.ts'

const KB = 1024

/**
 * What a page pays for what it shows (DESIGN.md "Quality bars"): the files a page of each kind
 * downloads, from the script tag to the widget on screen. `cairn.js` loads `engine.js` when the page
 * has flows, the engine loads `runtime.js` and the kind's chunk; each file comes with the chunks it
 * imports statically. `position.js` (floating-ui) is static in the tour and lazy in the hotspot, so
 * the announcement path is the issue's "without the hotspot".
 */
export type PagePath = {
  name: string
  entries: readonly string[]
  /** DESIGN.md's budget, gzip bytes. */
  budget: number
  /** Today's size plus a little room: growth past it fails `npm test` (a ceiling, not the goal). */
  ceiling: number
  /**
   * Round trips after the HTML before the widget can be on screen, on a first visit of a page installed
   * as the README says: `cairn.js` with the flows and `engine.js` (preloaded by the page), then every
   * file of the widget at once (docs/sdk-build.md); a part a widget imports on demand is one more. With
   * the script tag alone, two more: the flows once `cairn.js` has run, then `engine.js`. Measured in
   * Chromium by test/e2e/flows-chunks.test.ts.
   */
  waves: number
}

const FLOWS = ['cairn.js', 'engine.js', 'runtime.js']

// Every path with flows +0.25 KB: a flow's content language inferred from its text (runtime.js, 0.23 KB);
// again +0.25 KB: the user state read again when the page comes back (engine.js, 0.12 KB). Every path
// with flows +1.125 KB: the engine's state in nanostores stores that the widgets subscribe to (issue 16:
// nanostores' atom and the store reads in engine.js, 0.74 KB; @nanostores/preact's useStore in
// chunk-runtime.js, 0.41 KB; checklist.js −26 B). The survey, feed and tour paths +0.075 KB: the preview's
// hooks (`?cairn_preview` and `sdk.preview()` in engine.js, the host root the preview bar shares with its
// widget in chunk-runtime.js; the preview itself is preview.js, loaded by nobody else). Checklist, feed, tour
// and every kind +0.025–0.075 KB (issue 17): chunk-runtime.js is runtime.js and chunk-position.js is
// position.js now, one request fewer on each path, but a kind imports the widget kit from an entry, by
// its exported names; and the digits of en, fa and ar written without Intl.NumberFormat's data. Survey
// and feed +0.025 KB: the lazy loader hands its read of the flows to the engine parsed (15 B), not to be
// parsed a second time.
export const PATHS: readonly PagePath[] = [
  { name: 'tracking only', entries: ['cairn.js'], budget: 6 * KB, ceiling: 6 * KB, waves: 1 },
  { name: 'survey', entries: [...FLOWS, 'survey.js'], budget: 26 * KB, ceiling: 33.725 * KB, waves: 2 },
  { name: 'checklist', entries: [...FLOWS, 'checklist.js'], budget: 26 * KB, ceiling: 32.4 * KB, waves: 2 },
  { name: 'announcement (no hotspot)', entries: [...FLOWS, 'announcement.js'], budget: 26 * KB, ceiling: 32.375 * KB, waves: 2 },
  // The what's-new feed (and a digest) loads its part of the announcement chunk on demand.
  { name: "announcement with the what's-new feed", entries: [...FLOWS, 'announcement.js', 'chunk-whats-new.js'], budget: 26 * KB, ceiling: 34 * KB, waves: 3 },
  { name: 'tour (with positioning)', entries: [...FLOWS, 'tour.js'], budget: 32 * KB, ceiling: 39.25 * KB, waves: 2 },
  {
    name: 'every kind',
    entries: [...FLOWS, 'survey.js', 'checklist.js', 'announcement.js', 'chunk-whats-new.js', 'tour.js', 'position.js'],
    budget: 44 * KB,
    ceiling: 51.7 * KB,
    waves: 3,
  },
]

/** A built file and, transitively, the chunks it imports statically. */
function withImports(file: string, seen: Set<string>): void {
  if (seen.has(file)) return
  seen.add(file)
  const code = readFileSync(join(DIST, file), 'utf8')
  for (const [, name] of code.matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)) withImports(name!, seen)
}

export type MeasuredPath = PagePath & { files: string[]; gzip: number }

/** Each path's files and their summed gzip size (each file is its own response, gzipped on its own). */
export function measurePaths(): MeasuredPath[] {
  return PATHS.map((path) => {
    const seen = new Set<string>()
    for (const entry of path.entries) withImports(entry, seen)
    const files = [...seen]
    const gzip = files.reduce((sum, file) => sum + gzipBytes(readFileSync(join(DIST, file))), 0)
    return { ...path, files, gzip }
  })
}

export const PATH_TABLE_START = '<!-- path-table:start -->'
export const PATH_TABLE_END = '<!-- path-table:end -->'

/** The README table of page paths: measured, DESIGN.md's budget, met or not. */
export function pathTable(measured: readonly MeasuredPath[]): string {
  const kb = (n: number) => `${(n / KB).toFixed(2)} KB`
  const rows = measured.map(
    ({ name, files, gzip, budget, waves }) =>
      `| ${name} | ${files.map((f) => `\`${f}\``).join(' + ')} | ${kb(gzip)} | ${waves} | ≤ ${kb(budget)} | ${gzip <= budget ? 'met' : `**not met** (+${kb(gzip - budget)})`} |`,
  )
  return [
    PATH_TABLE_START,
    '| page shows | files it loads | gzip | round trips after the HTML | DESIGN.md budget | |',
    '| --- | --- | ---: | ---: | ---: | --- |',
    ...rows,
    PATH_TABLE_END,
  ].join('\n')
}
