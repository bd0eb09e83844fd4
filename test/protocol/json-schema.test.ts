import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { jsonSchemas } from '../../packages/protocol/src/json-schema.ts'

describe('committed JSON Schema files', () => {
  it.each(Object.entries(jsonSchemas()))('%s matches the schema source (run `npm run schema -w @cairn/protocol`)', (file, schema) => {
    const committed = readFileSync(new URL(`../../packages/protocol/schema/${file}`, import.meta.url), 'utf8')
    expect(JSON.parse(committed)).toEqual(schema)
  })
})
