import type { MiddlewareHandler } from 'hono'
import type { Project } from '../config/config.ts'

// If-None-Match: a preview asks for its flow again every half second and hears 304 while it is unchanged.
const ALLOW_HEADERS = 'Content-Type, X-Cairn-Key, If-None-Match'
const EXPOSE_HEADERS = 'ETag, Retry-After'

/**
 * CORS for the public API: a browser on any origin some project allows or previews from (any origin
 * when a project lists none) may call it, never with credentials. Which project the origin may use is checked per
 * request, once the key is known (401 otherwise). Preflights are answered here.
 */
export function cors(projects: readonly Project[]): MiddlewareHandler {
  const anyOrigin = projects.some((p) => p.origins.length === 0)
  const allowed = new Set(projects.flatMap((p) => [...p.origins, ...(p.previewOrigins ?? [])]))
  return async (c, next) => {
    const origin = c.req.header('origin')
    const ok = origin !== undefined && (anyOrigin || allowed.has(origin.toLowerCase()))
    if (c.req.method === 'OPTIONS') {
      c.header('Vary', 'Origin')
      if (!ok) return c.body(null, 204)
      c.header('Access-Control-Allow-Origin', anyOrigin ? '*' : origin)
      c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
      c.header('Access-Control-Allow-Headers', ALLOW_HEADERS)
      c.header('Access-Control-Max-Age', '7200')
      return c.body(null, 204)
    }
    await next()
    c.header('Vary', 'Origin', { append: true })
    if (ok) {
      c.header('Access-Control-Allow-Origin', anyOrigin ? '*' : origin)
      c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS)
    }
  }
}
