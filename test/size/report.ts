/**
 * `npm run size`: measures every built SDK file (run `npm run build` first), prints the sizes and
 * rewrites the two tables in README.md: every file (size-table markers) and every page path
 * (path-table markers).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PATH_TABLE_END, PATH_TABLE_START, measurePaths, pathTable } from './paths.ts'
import { ROOT, measureBuild, sizeTable, withTable } from './sizes.ts'

const measured = measureBuild()
const paths = measurePaths()
const path = join(ROOT, 'README.md')
const before = readFileSync(path, 'utf8')
const after = withTable(withTable(before, sizeTable(measured)), pathTable(paths), PATH_TABLE_START, PATH_TABLE_END)
if (after !== before) writeFileSync(path, after)
for (const { file, bytes, gzip } of measured) console.log(`${String(gzip).padStart(7)} B gzip  ${String(bytes).padStart(7)} B  ${file}`)
for (const { name, gzip, budget } of paths) console.log(`${String(gzip).padStart(7)} B gzip  page path: ${name} (DESIGN.md budget ${budget} B)`)
console.log(after === before ? 'README.md size tables are up to date' : 'README.md size tables updated')
