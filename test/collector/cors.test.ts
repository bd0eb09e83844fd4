import { describe, expect, it } from 'vitest'
import { testApp } from './helpers/app.ts'
import { batch, track } from './helpers/events.ts'

const preflight = (app: ReturnType<typeof testApp>['app'], origin: string, path = '/v1/batch') =>
  app.request(path, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-cairn-key' },
  })

describe('CORS', () => {
  it('answers a preflight for any origin when a project allows any, never with credentials', async () => {
    const { app } = testApp()
    const res = await preflight(app, 'https://anywhere.example')
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-methods')).toContain('POST')
    expect(res.headers.get('access-control-allow-headers')).toMatch(/X-Cairn-Key/i)
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('allows only the listed origins when every project lists some', async () => {
    const { app } = testApp({
      config: { projects: [{ id: 'only', writeKey: 'pk_only', secretKey: 'sk_only', origins: ['https://app.example.com'] }] },
    })
    const allowed = await preflight(app, 'https://APP.example.com', '/v1/flows')
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://APP.example.com')
    expect(allowed.headers.get('vary')).toContain('Origin')
    const denied = await preflight(app, 'https://evil.example')
    expect(denied.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('lets the SDK read 200, 429 and 503 answers, with Retry-After exposed', async () => {
    let now = 0
    const t = testApp({ now: () => now, config: { rateLimit: { perSecond: 1, burst: 1 } } })
    const send = () => t.post(batch([track('x')]), { headers: { origin: 'https://site.example' } })
    const ok = await send()
    expect(ok.headers.get('access-control-allow-origin')).toBe('*')
    const limited = await send()
    expect(limited.status).toBe(429)
    expect(limited.headers.get('access-control-allow-origin')).toBe('*')
    expect(limited.headers.get('access-control-expose-headers')).toContain('Retry-After')
    now += 5000
    t.fake.state.down = true
    const down = await send()
    expect(down.status).toBe(503)
    expect(down.headers.get('access-control-allow-origin')).toBe('*')
    expect(down.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('exposes the ETag of the flows', async () => {
    const { app } = testApp()
    const res = await app.request('/v1/flows?key=pk_test', { headers: { origin: 'https://site.example' } })
    expect(res.headers.get('access-control-expose-headers')).toContain('ETag')
  })
})

describe('the rest of the API surface', () => {
  it('GET /health answers ok with the storage kind, or 503', async () => {
    const t = testApp()
    const res = await t.app.request('/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', storage: 'pglite' })
    t.fake.state.down = true
    const down = await t.app.request('/health')
    expect(down.status).toBe(503)
    expect(await down.json()).toEqual({ error: 'storage_unavailable', details: expect.any(String) })
  })

  it('answers JSON 404 to an unknown path and 405 to a wrong method', async () => {
    const { app } = testApp()
    const missing = await app.request('/v1/nothing/<b>')
    expect(missing.status).toBe(404)
    expect(await missing.text()).not.toContain('<b>')
    const wrong = await app.request('/v1/batch')
    expect(wrong.status).toBe(405)
    expect(await wrong.json()).toEqual({ error: 'method_not_allowed', details: expect.any(String) })
    expect((await app.request('/v1/flows?key=pk_test', { method: 'DELETE' })).status).toBe(405)
  })
})
