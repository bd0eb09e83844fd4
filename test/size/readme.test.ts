import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PATH_TABLE_END, PATH_TABLE_START, measurePaths, pathTable } from './paths.ts'
import { ROOT, SNIPPET, TABLE_END, TABLE_START, measureBuild, sizeTable } from './sizes.ts'

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')

describe('README', () => {
  it('size table matches the build (run `npm run size` to regenerate it)', () => {
    const current = readme.slice(readme.indexOf(TABLE_START), readme.indexOf(TABLE_END) + TABLE_END.length)
    expect(current, 'README.md is out of date: run `npm run size`').toBe(sizeTable(measureBuild()))
  })

  it('page path table matches the build (run `npm run size` to regenerate it)', () => {
    const current = readme.slice(readme.indexOf(PATH_TABLE_START), readme.indexOf(PATH_TABLE_END) + PATH_TABLE_END.length)
    expect(current, 'README.md is out of date: run `npm run size`').toBe(pathTable(measurePaths()))
  })

  it('shows the snippet exactly as kept in packages/sdk/src/loader/snippet.js', () => {
    expect(readme).toContain(readFileSync(SNIPPET, 'utf8').trim())
  })
})
