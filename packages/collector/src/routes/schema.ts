import { createHash } from 'node:crypto'
import type { Context } from 'hono'
import { jsonSchemas } from '@cairn/protocol'
import { fail } from '../http/errors.ts'

/**
 * `GET /v1/schema/:file`: the published JSON Schemas (`flow.json`, one per kind, `batch.json`,
 * `event.json`), so flow files outside this repository can point `$schema` at their collector and
 * editors autocomplete and validate them. Public (schemas are no secret), cached for an hour.
 */
export function schemaRoute() {
  const files = new Map(Object.entries(jsonSchemas()).map(([name, schema]) => {
    const text = JSON.stringify(schema, null, 2)
    return [name, { text, etag: `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"` }] as const
  }))
  return (c: Context) => {
    const name = c.req.param('file') as string
    const file = files.get(name)
    if (!file) return fail(c, 404, 'not_found', `no schema "${name}": there are ${[...files.keys()].join(', ')}`)
    const headers = { ETag: file.etag, 'Cache-Control': 'public, max-age=3600', 'Access-Control-Allow-Origin': '*' }
    if (c.req.header('if-none-match') === file.etag) return c.body(null, 304, headers)
    return c.body(file.text, 200, { ...headers, 'Content-Type': 'application/schema+json; charset=UTF-8' })
  }
}
