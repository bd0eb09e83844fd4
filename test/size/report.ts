/**
 * `npm run size`: measures every built SDK file (run `npm run build` first), prints the sizes and
 * rewrites the table in README.md between the size-table markers.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, measureBuild, sizeTable, withTable } from './sizes.ts'

const measured = measureBuild()
const table = sizeTable(measured)
const path = join(ROOT, 'README.md')
const before = readFileSync(path, 'utf8')
const after = withTable(before, table)
if (after !== before) writeFileSync(path, after)
for (const { file, bytes, gzip } of measured) console.log(`${String(gzip).padStart(7)} B gzip  ${String(bytes).padStart(7)} B  ${file}`)
console.log(after === before ? 'README.md size table is up to date' : 'README.md size table updated')
