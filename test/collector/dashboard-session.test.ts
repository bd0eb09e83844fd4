import { describe, expect, it } from 'vitest'
import { testApp } from './helpers/app.ts'

const TWO_PROJECTS = {
  projects: [
    { id: 'test', name: 'Test app', writeKey: 'pk_test', secretKey: 'sk_test' },
    { id: 'other', writeKey: 'pk_other', secretKey: 'sk_other' },
  ],
}

const signIn = (app: ReturnType<typeof testApp>['app'], key: string, headers: Record<string, string> = {}) =>
  app.request('http://collector.test/dashboard/session', {
    method: 'POST', body: new URLSearchParams({ key }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://collector.test', ...headers },
  })

/** The `name=value` pair of a Set-Cookie header. */
const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!

describe('dashboard sign-in', () => {
  it('the secret key signs in: an HttpOnly, SameSite=Strict cookie naming the project, and the project', async () => {
    const now = Date.parse('2026-12-01T09:00:00Z')
    const { app } = testApp({ config: TWO_PROJECTS, now: () => now })
    const res = await signIn(app, 'sk_test')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ project: { id: 'test', name: 'Test app' }, expires: '2026-12-01T21:00:00.000Z' })
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/^cairn_session_test=\d+\.[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/)
    expect(cookie).not.toContain('sk_test')
  })

  it('is Secure over https', async () => {
    const { app } = testApp({ config: TWO_PROJECTS })
    const res = await app.request('https://collector.test/dashboard/session', {
      method: 'POST', body: 'key=sk_test', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(res.headers.get('set-cookie')).toContain('; Secure')
  })

  it.each([['pk_test', 'the write key'], ['sk_tes', 'a prefix'], ['sk_test_', 'a longer key'], ['SK_TEST', 'another case']])('a wrong key, %s (%s), is a 401 and no cookie', async (key) => {
    const { app } = testApp({ config: TWO_PROJECTS })
    const res = await signIn(app, key)
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ error: 'unknown_key', details: 'this is not the secret key of a project on this collector' })
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('an empty or missing key is a 400 saying what to post', async () => {
    const { app } = testApp()
    const res = await app.request('/dashboard/session', { method: 'POST', body: 'other=1' })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: 'missing_key' })
  })

  it('a post from another site is refused (login CSRF), with no cookie', async () => {
    const { app } = testApp()
    const res = await signIn(app, 'sk_test', { origin: 'https://evil.example' })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ error: 'cross_site' })
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('attempts are limited per client IP: 10 at once, then one per 6 s, right keys included', async () => {
    let now = 1_800_000_000_000
    const { app } = testApp({ now: () => now })
    for (let i = 0; i < 10; i++) expect((await signIn(app, 'sk_wrong', { 'x-test-ip': '10.0.0.7' })).status).toBe(401)
    const limited = await signIn(app, 'sk_test', { 'x-test-ip': '10.0.0.7' })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('6')
    expect(limited.headers.get('set-cookie')).toBeNull()
    expect((await signIn(app, 'sk_test', { 'x-test-ip': '10.0.0.8' })).status).toBe(200)
    now += 6_000
    expect((await signIn(app, 'sk_test', { 'x-test-ip': '10.0.0.7' })).status).toBe(200)
    expect((await signIn(app, 'sk_test', { 'x-test-ip': '10.0.0.7' })).status).toBe(429)
  })

  it('lists the signed-in projects, switches between them, and signs out of one', async () => {
    const { app } = testApp({ config: TWO_PROJECTS })
    const cookies = [cookieOf(await signIn(app, 'sk_test')), cookieOf(await signIn(app, 'sk_other'))].join('; ')
    const list = await app.request('/dashboard/session', { headers: { cookie: cookies } })
    expect(list.headers.get('cache-control')).toBe('no-store')
    expect((await list.json()).projects.map((p: { id: string; name: string }) => [p.id, p.name])).toEqual([['other', 'other'], ['test', 'Test app']])

    const results = (project?: string) =>
      app.request('/v1/results/flows', { headers: { cookie: cookies, ...(project && { 'x-cairn-project': project }) } })
    expect((await results('other')).status).toBe(200)
    expect((await results('test')).status).toBe(200)
    expect((await results('nope')).status).toBe(401)
    expect((await results()).status).toBe(401) // two sessions: the request must say which

    const out = await app.request('http://collector.test/dashboard/session/sign-out', {
      method: 'POST', body: 'project=other', headers: { cookie: cookies, origin: 'http://collector.test' },
    })
    expect(await out.json()).toMatchObject({ projects: [{ id: 'test' }] })
    expect(out.headers.get('set-cookie')).toMatch(/^cairn_session_other=; Max-Age=0; Path=\//)
  })
})

describe('the results API with a dashboard session', () => {
  const signedIn = async (now: () => number = Date.now) => {
    const harness = testApp({ now })
    const cookie = cookieOf(await signIn(harness.app, 'sk_test'))
    return { ...harness, cookie }
  }

  it('accepts the cookie instead of the secret key, on every results route', async () => {
    const { app, cookie } = await signedIn()
    for (const path of ['/v1/results/milestones', '/v1/results/flows', '/v1/results/flows/welcome', '/v1/results/checklists/start', '/v1/results/holdout/welcome', '/v1/results/surveys/nps', '/v1/results/surveys/nps.csv']) {
      const res = await app.request(path, { headers: { cookie } })
      expect([200, 404], path).toContain(res.status)
    }
    expect((await app.request('/v1/results/milestones')).status).toBe(401)
  })

  it('an expired cookie is no session', async () => {
    let now = 1_800_000_000_000
    const { app, cookie } = await signedIn(() => now)
    expect((await app.request('/v1/results/milestones', { headers: { cookie } })).status).toBe(200)
    now += 12 * 3600 * 1000
    expect((await app.request('/v1/results/milestones', { headers: { cookie } })).status).toBe(401)
    expect(await (await app.request('/dashboard/session', { headers: { cookie } })).json()).toEqual({ projects: [] })
  })

  it.each([
    ['a changed expiry', (v: string) => v.replace(/^\d+/, (d) => String(Number(d) + 3600))],
    ['a changed signature', (v: string) => v.slice(0, -1) + (v.endsWith('A') ? 'B' : 'A')],
    ['another project\'s name', (v: string) => v],
    ['garbage', () => 'not-a-token'],
  ])('a forged cookie (%s) is no session', async (what, forge) => {
    const { app, cookie } = await signedIn()
    const [name, value] = cookie.split('=') as [string, string]
    const forged = `${what.includes('project') ? 'cairn_session_locked' : name}=${forge(value)}`
    expect((await app.request('/v1/results/milestones', { headers: { cookie: forged } })).status).toBe(401)
    expect(await (await app.request('/dashboard/session', { headers: { cookie: forged } })).json()).toEqual({ projects: [] })
  })
})
