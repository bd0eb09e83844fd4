import { describe, expect, it } from 'vitest'
import { BUDGETS, measureBuild } from './sizes.ts'

describe('byte budgets (gzip -9 of the built files)', () => {
  const measured = measureBuild()

  it.each(Object.entries(BUDGETS))('%s is within %i bytes', (file, budget) => {
    const entry = measured.find((m) => m.file === file)
    expect(entry, `${file} was not built`).toBeDefined()
    expect(entry!.gzip).toBeLessThanOrEqual(budget)
  })
})
