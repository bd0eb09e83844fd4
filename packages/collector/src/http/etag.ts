import { createHash } from 'node:crypto'
import type { Context } from 'hono'

/** True when an If-None-Match header names this entity tag (or `*`). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t === etag || t === `W/${etag}`
  })
}

/**
 * Answers JSON `text` with a strong ETag of its bytes and `Cache-Control: no-cache` (every read is
 * revalidated), or `304 Not Modified` without a body when the request's If-None-Match names it.
 */
export function jsonWithEtag(c: Context, text: string): Response {
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`
  const headers = { ETag: etag, 'Cache-Control': 'no-cache' }
  if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers)
  return c.body(text, 200, { ...headers, 'Content-Type': 'application/json; charset=UTF-8' })
}
