import { describe, expect, it } from 'vitest'
import { measurePaths } from './paths.ts'
import { BUDGETS, measureBuild } from './sizes.ts'

describe('byte budgets (gzip -9 of the built files)', () => {
  const measured = measureBuild()

  it.each(Object.entries(BUDGETS))('%s is within %i bytes', (file, budget) => {
    const entry = measured.find((m) => m.file === file)
    expect(entry, `${file} was not built`).toBeDefined()
    expect(entry!.gzip).toBeLessThanOrEqual(budget)
  })
})

describe('page paths (what a page of each kind downloads, summed)', () => {
  it.each(measurePaths().map((p) => [p.name, p.ceiling, p] as const))('%s stays within its ceiling of %i bytes', (_, ceiling, path) => {
    expect(path.gzip, `${path.files.join(' + ')}`).toBeLessThanOrEqual(ceiling)
  })

  it('ceilings never sit above today\'s size by more than 1 KB, so a saving is locked in', () => {
    for (const path of measurePaths()) expect(path.ceiling - path.gzip, path.name).toBeLessThanOrEqual(1024)
  })
})
