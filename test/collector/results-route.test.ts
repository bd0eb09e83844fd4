import { describe, expect, it } from 'vitest'
import { testApp } from './helpers/app.ts'

const routes = ['/v1/results/milestones', '/v1/results/checklists/start', '/v1/results/flows/welcome', '/v1/results/holdout/welcome']

describe('every results route', () => {
  it.each(routes)('%s: the secret key only, as a Bearer token or ?key=', async (path) => {
    const { app } = testApp()
    expect((await app.request(path)).status).toBe(401)
    expect(await (await app.request(`${path}?key=pk_test`)).json()).toMatchObject({ error: 'secret_key_required' })
    expect((await app.request(path, { headers: { Authorization: 'Bearer sk_test' } })).status).not.toBe(401)
    expect((await app.request(`${path}?key=sk_test`)).status).not.toBe(401)
  })

  it.each(routes)('%s: a bad period is a 400 naming it', async (path) => {
    const { app } = testApp()
    const res = await app.request(`${path}?key=sk_test&from=yesterday`)
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: 'invalid_period' })
  })

  it.each(routes)('%s: storage down is a 503 with Retry-After, logged, never the error text', async (path) => {
    const { app, fake, logs } = testApp()
    fake.state.down = true
    const res = await app.request(`${path}?key=sk_test`)
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('5')
    const body = await res.json()
    expect(body).toMatchObject({ error: 'storage_unavailable' })
    expect(JSON.stringify(body)).not.toContain('ECONNREFUSED')
    expect(logs.join('\n')).toContain('ECONNREFUSED')
  })
})
