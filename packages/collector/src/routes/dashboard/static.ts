import type { Context } from 'hono'
import type { DashboardFiles } from '../../dashboard/dashboard-files.ts'
import { fail } from '../../http/errors.ts'

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', html: 'text/html; charset=utf-8',
  svg: 'image/svg+xml', png: 'image/png', ico: 'image/x-icon', woff2: 'font/woff2', json: 'application/json',
}
const typeOf = (path: string) => TYPES[path.slice(path.lastIndexOf('.') + 1)] ?? 'application/octet-stream'

const NOT_BUILT = 'the dashboard is not built: run `npm run build`'

/**
 * `GET /dashboard/*`: the dashboard's page for every route of the app (it routes in the browser), with
 * `no-cache` so a new build is picked up at once; the page names its files by content hash.
 */
export function dashboardPageRoute(files: DashboardFiles | undefined) {
  return async (c: Context) => {
    const page = await files?.read('index.html')
    if (!page) return fail(c, 503, 'dashboard_not_built', NOT_BUILT)
    return c.body(page as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': TYPES['html']!, 'Cache-Control': 'no-cache' })
  }
}

/**
 * `GET /dashboard/assets/:file`: a built file. Their names carry a hash of their content, so they
 * are cached for a year and never revalidated.
 */
export function dashboardAssetRoute(files: DashboardFiles | undefined) {
  return async (c: Context) => {
    const path = `assets/${c.req.param('file') ?? ''}`
    const body = await files?.read(path)
    if (!body) return files ? fail(c, 404, 'not_found', 'no such dashboard file') : fail(c, 503, 'dashboard_not_built', NOT_BUILT)
    return c.body(body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': typeOf(path), 'Cache-Control': 'public, max-age=31536000, immutable' })
  }
}
