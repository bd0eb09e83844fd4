import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './sizes.ts'

const SDK = join(ROOT, 'packages/sdk/src')

/** Every module reachable through static imports from `entry`, with the bare packages they import. */
function graph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    const source = readFileSync(file, 'utf8')
    for (const [, kind, spec] of source.matchAll(/^\s*(import|export)\s(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
      void kind
      if (spec!.startsWith('.')) visit(resolve(dirname(file), spec!))
      else packages.add(spec!)
    }
  }
  visit(entry)
  return { files, packages }
}

describe('what every host page loads', () => {
  it.each(['index.ts', 'loader/script.ts'])('%s imports no preact, no @floating-ui and nothing from widgets/', (entry) => {
    const { files, packages } = graph(join(SDK, entry))
    expect(files.size).toBeGreaterThan(10)
    expect(packages).toContain('@cairn/protocol')
    expect([...packages].filter((p) => /preact|floating-ui/.test(p))).toEqual([])
    expect([...files].filter((f) => f.includes('/widgets/'))).toEqual([])
  })
})
