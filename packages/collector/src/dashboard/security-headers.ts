import type { MiddlewareHandler } from 'hono'

/**
 * The dashboard's Content Security Policy: its own scripts and stylesheets only (no inline code, no
 * `eval`), data only from this collector, no plugins, no framing, and Trusted Types required so no
 * string can become markup — user text (answers, flow names) is rendered as text.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ')

/** Security headers on every `/dashboard` answer (pages, files, sign-in). */
export const dashboardHeaders = (): MiddlewareHandler => async (c, next) => {
  await next()
  c.header('Content-Security-Policy', DASHBOARD_CSP)
  c.header('Referrer-Policy', 'no-referrer')
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('X-Frame-Options', 'DENY')
  c.header('Cross-Origin-Opener-Policy', 'same-origin')
  c.header('Cross-Origin-Resource-Policy', 'same-origin')
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store')
}
