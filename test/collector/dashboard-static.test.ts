import { memoryDashboardFiles } from '@cairn/collector'
import { describe, expect, it } from 'vitest'
import { testApp } from './helpers/app.ts'

const files = memoryDashboardFiles({
  'index.html': '<!doctype html><script type="module" src="/dashboard/assets/index-Ab12.js"></script>',
  'assets/index-Ab12.js': 'console.log(1)',
  'assets/index-Cd34.css': 'body{}',
})

describe('the dashboard at /dashboard/', () => {
  it('serves its page for every app route, revalidated each time, with the strict headers', async () => {
    const { app } = testApp({ dashboard: files })
    for (const path of ['/dashboard/', '/dashboard/retention', '/dashboard/surveys/nps-q3']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(res.headers.get('cache-control')).toBe('no-cache')
      const csp = res.headers.get('content-security-policy')!
      for (const part of ["script-src 'self'", "style-src 'self'", "require-trusted-types-for 'script'", "frame-ancestors 'none'", "default-src 'none'"]) expect(csp).toContain(part)
      expect(csp).not.toContain('unsafe')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(await res.text()).toContain('index-Ab12.js')
    }
  })

  it('/dashboard redirects to /dashboard/', async () => {
    const res = await testApp({ dashboard: files }).app.request('/dashboard')
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe('/dashboard/')
  })

  it('serves hashed files for a year, immutable, with their type', async () => {
    const { app } = testApp({ dashboard: files })
    const js = await app.request('/dashboard/assets/index-Ab12.js')
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await js.text()).toBe('console.log(1)')
    expect((await app.request('/dashboard/assets/index-Cd34.css')).headers.get('content-type')).toBe('text/css; charset=utf-8')
  })

  it('a missing file is a 404 with the no-store header, and nothing outside the build is reachable', async () => {
    const { app } = testApp({ dashboard: files })
    const res = await app.request('/dashboard/assets/nope.js')
    expect(res.status).toBe(404)
    expect(res.headers.get('cache-control')).toBe('no-store')
    for (const path of ['/dashboard/assets/..%2Findex.html', '/dashboard/assets/%2e%2e%2f%2e%2e%2fpackage.json']) {
      expect((await app.request(path)).status, path).toBe(404)
    }
  })

  it('the session answers carry no-store and the same headers', async () => {
    const res = await testApp({ dashboard: files }).app.request('/dashboard/session')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })

  it('without a build it says how to make one', async () => {
    const res = await testApp().app.request('/dashboard/')
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({ error: 'dashboard_not_built', details: 'the dashboard is not built: run `npm run build`' })
  })
})
