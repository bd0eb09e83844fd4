import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '@cairn/collector'
import type { TourFlow } from '@cairn/protocol'
import { flowSource, testApp } from './helpers/app.ts'

const TOUR: TourFlow = {
  id: 'welcome.v2', kind: 'tour', trigger: { url: '/never/*' },
  steps: [{ id: 'hello', title: 'Hello' }, { id: 'bye', title: 'Bye' }],
}
const DEV = 'http://localhost:5173'
const config = {
  projects: [
    { id: 'test', writeKey: 'pk_test', secretKey: 'sk_test', previewOrigins: [DEV] },
    { id: 'locked', writeKey: 'pk_locked', secretKey: 'sk_locked', origins: ['https://app.example.com'], previewOrigins: ['https://staging.example.com'] },
    { id: 'closed', writeKey: 'pk_closed', secretKey: 'sk_closed' },
  ],
  rateLimit: false,
}

describe('GET /v1/flows/:id (preview)', () => {
  const { app } = testApp({ config, flows: flowSource([TOUR]) })
  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers })

  it('answers the flow, whatever its trigger, with the secret key from anywhere', async () => {
    const res = await get('/v1/flows/welcome.v2', { 'x-cairn-key': 'sk_closed' })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(await res.json()).toEqual({ flow: TOUR })
    expect((await get('/v1/flows/welcome.v2?key=sk_test', { origin: 'https://elsewhere.example' })).status).toBe(200)
  })

  it('answers 304 to If-None-Match with its ETag, and a new ETag when the flow changes', async () => {
    const first = await get('/v1/flows/welcome.v2?key=sk_test')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^".+"$/)
    const again = await get('/v1/flows/welcome.v2?key=sk_test', { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const edited = testApp({ config, flows: flowSource([{ ...TOUR, steps: [{ id: 'hello', title: 'Hi there' }] }]) }).app
    const changed = await edited.request('/v1/flows/welcome.v2?key=sk_test', { headers: { 'if-none-match': etag } })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
  })

  it('takes the write key only from an origin in previewOrigins', async () => {
    expect((await get('/v1/flows/welcome.v2?key=pk_test', { origin: DEV })).status).toBe(200)
    for (const headers of [{ origin: 'https://evil.example' }, {}]) {
      const refused = await get('/v1/flows/welcome.v2?key=pk_test', headers)
      expect(refused.status).toBe(403)
      expect(await refused.json()).toEqual({ error: 'preview_not_allowed', details: expect.stringContaining('previewOrigins') })
    }
    // No previewOrigins: only the secret key previews.
    expect((await get('/v1/flows/welcome.v2?key=pk_closed', { origin: DEV })).status).toBe(403)
  })

  // Only projects that list their origins: one that lists none opens CORS to every origin (`*`).
  const locked = testApp({ config: { ...config, projects: [config.projects[1]] }, flows: flowSource([TOUR]) }).app

  it('lets a preview origin that is not among the project origins read this route, and only this one', async () => {
    const staging = { origin: 'https://staging.example.com' }
    const get = (path: string, headers: Record<string, string> = {}) => locked.request(path, { headers })
    const res = await get('/v1/flows/welcome.v2?key=pk_locked', staging)
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://staging.example.com')
    expect((await get('/v1/flows?key=pk_locked', staging)).status).toBe(401)
    expect((await get('/v1/flows/welcome.v2?key=pk_locked', { origin: 'https://other.example' })).status).toBe(401)
  })

  it('allows If-None-Match and X-Cairn-Key in the preflight of a preview origin', async () => {
    const res = await locked.request('/v1/flows/welcome.v2', {
      method: 'OPTIONS', headers: { origin: 'https://staging.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://staging.example.com')
    expect(res.headers.get('access-control-allow-headers')).toMatch(/If-None-Match/)
    expect(res.headers.get('access-control-allow-headers')).toMatch(/X-Cairn-Key/)
  })

  it('answers 404 unknown_flow for an id the project does not have, 401 without a key', async () => {
    const res = await get('/v1/flows/nope?key=sk_test')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: 'unknown_flow', details: expect.stringContaining('"nope"') })
    expect((await get('/v1/flows/welcome.v2')).status).toBe(401)
    expect((await app.request('/v1/flows/welcome.v2?key=sk_test', { method: 'DELETE' })).status).toBe(405)
  })

  it('gives the flow the project locale, as GET /v1/flows does', async () => {
    const fa = { ...config, projects: [{ ...config.projects[0]!, locale: 'fa' }] }
    const body = await (await testApp({ config: fa, flows: flowSource([TOUR]) }).app.request('/v1/flows/welcome.v2?key=sk_test')).json()
    expect(body.flow.locale).toBe('fa')
  })
})

describe('previewOrigins in the config file', () => {
  it('are origins, lowercased; a path is refused with its JSON path', () => {
    const parsed = parseConfig({ projects: [{ id: 'p', writeKey: 'pk_p', secretKey: 'sk_p', previewOrigins: ['http://LocalHost:5173'] }] }, 'c.json', '/')
    expect(parsed.projects[0]!.previewOrigins).toEqual(['http://localhost:5173'])
    expect(parseConfig({ projects: [{ id: 'p', writeKey: 'pk_p', secretKey: 'sk_p' }] }, 'c.json', '/').projects[0]!.previewOrigins).toBeUndefined()
    expect(() => parseConfig({ projects: [{ id: 'p', writeKey: 'pk_p', secretKey: 'sk_p', previewOrigins: ['http://x.example/app'] }] }, 'c.json', '/'))
      .toThrow(ConfigError)
    expect(() => parseConfig({ projects: [{ id: 'p', writeKey: 'pk_p', secretKey: 'sk_p', previewOrigins: ['http://x.example/app'] }] }, 'c.json', '/'))
      .toThrow(/\$\.projects\[0\]\.previewOrigins\[0\]/)
  })
})
