import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

export const ROOT = resolve(import.meta.dirname, '../..')
export const DIST = join(ROOT, 'packages/sdk/dist')
export const SNIPPET = join(ROOT, 'packages/sdk/src/loader/snippet.js')

/** Byte budgets, gzipped (DESIGN.md "Quality bars"). Lower them when you beat them. */
export const BUDGETS: Record<string, number> = {
  'snippet (packages/sdk/src/loader/snippet.js)': 1024,
  'cairn.js': 6 * 1024,
  // The flow engine with its browser wiring, loaded only on pages that have flows (core/lazy-engine.ts).
  // DESIGN.md wants it inside the 6 KB core; it can't be there (docs/sdk-build.md) — 9.03 KB today (the
  // what's-new feed added 0.33 KB, the tour's step time 3 B, the compile hint 21 B, fetching widget
  // chunks ahead for flows waiting on this page 0.15 KB; the stores' and headless flows' hooks 0.28 KB:
  // their code is `stores.js`, loaded only where they are used; show*() definitions as known flows and the
  // kept definitions of flows in progress 0.18 KB; a checklist's showing naming its items 15 B; the user
  // state read again when the page comes back 0.12 KB), this is a ceiling. +0.41 KB: the URL matcher,
  // its own chunk before, which every page with flows waited for one round trip more, lives here now.
  // +0.74 KB: the runtime's state in named nanostores stores (issue 16): nanostores' atom, 0.5 KB, which
  // stores.js now takes from here (−0.36 KB there), and the handlers' reads and writes of the stores.
  'engine.js': 10.75 * 1024,
  // The announcement chunk (every style; the hotspot's floating-ui comes with position.js, not here).
  'announcement.js': 3 * 1024,
  // The checklist chunk (launcher, panel, items, celebration, its strings and stylesheet): 3.3 KB today.
  'checklist.js': 3.5 * 1024,
  // The tour chunk (step machine, anchoring, spotlight, late targets, stylesheet; floating-ui is position.js): 3.17 KB today.
  'tour.js': 3.4 * 1024,
  // The stores and headless flows (the views, the app's reports; nanostores' atom comes from engine.js), only on pages that use them.
  'stores.js': 3.375 * 1024,
  // The preview (`?cairn_preview=`, `sdk.preview()`): its bar, en/fa/ar strings, the collector read and its
  // polling; loaded only where an author previews a flow. 3.33 KB today.
  'preview.js': 3.5 * 1024,
  // The survey chunk (every question type, branching, thank-you, en/fa/ar strings, stylesheet): 4.37 KB today.
  'survey.js': 4.6 * 1024,
}

/** One shipped file: raw and gzipped bytes. */
export type Measured = { file: string; bytes: number; gzip: number }

/** gzip -9, as a CDN would serve it. */
export const gzipBytes = (content: Buffer | string) => gzipSync(content, { level: 9 }).length

const measure = (file: string, path: string): Measured => {
  const content = readFileSync(path)
  return { file, bytes: content.length, gzip: gzipBytes(content) }
}

/**
 * Every JavaScript file the build ships (paths relative to packages/sdk/dist), plus the snippet.
 * Throws when the SDK is not built.
 */
export function measureBuild(): Measured[] {
  if (!existsSync(join(DIST, 'cairn.js'))) throw new Error('packages/sdk/dist is not built: run `npm run build` first')
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      // dist/snippet.js is the snippet's shipped copy, measured once above from its source.
      else if (entry.name.endsWith('.js') && path !== join(DIST, 'snippet.js')) files.push(path)
    }
  }
  walk(DIST)
  const built = files.map((path) => measure(relative(DIST, path).split('\\').join('/'), path)).sort((a, b) => a.file.localeCompare(b.file))
  return [measure('snippet (packages/sdk/src/loader/snippet.js)', SNIPPET), ...built]
}

export const TABLE_START = '<!-- size-table:start -->'
export const TABLE_END = '<!-- size-table:end -->'

/** The README table, generated: one row per file, its budget when it has one. */
export function sizeTable(measured: readonly Measured[]): string {
  const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`
  const rows = measured.map(({ file, bytes, gzip }) => {
    const budget = BUDGETS[file]
    return `| \`${file}\` | ${bytes.toLocaleString('en-US')} | ${gzip.toLocaleString('en-US')} (${kb(gzip)}) | ${budget ? `≤ ${kb(budget)}` : ''} |`
  })
  return [
    TABLE_START,
    '| file (in `packages/sdk/dist/`) | bytes | gzip bytes | budget (gzip) |',
    '| --- | ---: | ---: | ---: |',
    ...rows,
    TABLE_END,
  ].join('\n')
}

/** README text with the table between the markers replaced. */
export function withTable(readme: string, table: string, startMarker = TABLE_START, endMarker = TABLE_END): string {
  const start = readme.indexOf(startMarker)
  const end = readme.indexOf(endMarker)
  if (start < 0 || end < start) throw new Error(`README.md has no ${startMarker} … ${endMarker} block`)
  return readme.slice(0, start) + table + readme.slice(end + endMarker.length)
}
