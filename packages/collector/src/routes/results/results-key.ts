import type { Context } from 'hono'

/** The key a results request carries: `Authorization: Bearer sk_…`, else `?key=`, else `X-Cairn-Key`. */
export function resultsKey(c: Context): string | undefined {
  const auth = c.req.header('authorization')
  const bearer = auth?.match(/^Bearer\s+(\S+)$/i)?.[1]
  return bearer ?? c.req.query('key') ?? c.req.header('x-cairn-key')
}
