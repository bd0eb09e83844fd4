import { mkdirSync, writeFileSync } from 'node:fs'
import { jsonSchemas } from './json-schema.ts'

const dir = new URL('../schema/', import.meta.url)
mkdirSync(dir, { recursive: true })
for (const [file, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(file, dir), JSON.stringify(schema, null, 2) + '\n')
  console.log(`wrote packages/protocol/schema/${file}`)
}
