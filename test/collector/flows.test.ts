import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFlowSource, type FlowSource } from '@cairn/collector'
import type { Flow } from '@cairn/protocol'
import { flowSource, testApp } from './helpers/app.ts'

const tour = (id: string) => ({ id, kind: 'tour', steps: [{ id: 'one', title: 'Hello' }] })

describe('GET /v1/flows', () => {
  let dir: string
  let flows: FlowSource | undefined
  let logs: string[]

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cairn-flows-'))
    logs = []
  })
  afterEach(async () => {
    flows?.close()
    flows = undefined
    await rm(dir, { recursive: true, force: true })
  })

  const serve = (recheckMs = 1000) => {
    const source = createFlowSource(
      [{ id: 'test', writeKey: 'pk_test', secretKey: 'sk_test', origins: [], flowsDir: dir }],
      { log: (line) => logs.push(line), recheckMs },
    )
    flows = source
    return testApp({ flows: source }).app
  }
  const write = (name: string, json: unknown) => writeFile(join(dir, name), typeof json === 'string' ? json : JSON.stringify(json))

  it('serves the valid flows of the folder, sorted by id, without $schema', async () => {
    await write('b.json', { ...tour('b-tour'), $schema: '../schema/flow.json' })
    await write('a.json', tour('a-tour'))
    await write('notes.txt', 'not a flow')
    const res = await serve().request('/v1/flows?key=pk_test')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    const body = await res.json()
    expect(body).toEqual({ flows: [tour('a-tour'), tour('b-tour')] })
  })

  it('reports an invalid file with its path and reason and still serves the others', async () => {
    await write('good.json', tour('good'))
    await write('bad.json', { id: 'bad', kind: 'tour', steps: [{ id: 'one' }] })
    await write('broken.json', '{ "id": ')
    await write('twin.json', tour('good'))
    const app = serve()
    const publicBody = await (await app.request('/v1/flows?key=pk_test')).json()
    expect(publicBody).toEqual({ flows: [tour('good')] })
    const secretBody = await (await app.request('/v1/flows', { headers: { 'x-cairn-key': 'sk_test' } })).json()
    expect(secretBody.flows).toEqual([tour('good')])
    expect(secretBody.errors).toEqual([
      { file: 'bad.json', path: '$.steps[0].title', message: expect.any(String) },
      { file: 'broken.json', path: '$', message: expect.stringContaining('not valid JSON') },
      { file: 'twin.json', path: '$.id', message: expect.stringContaining('good.json') },
    ])
    expect(logs.join('\n')).toContain(join(dir, 'bad.json'))
  })

  it("refuses a flow named cairn-feed, the what's-new feed's reserved id, naming the file, and still serves the others", async () => {
    await write('good.json', tour('good'))
    await write('news.json', { id: 'cairn-feed', kind: 'announcement', style: 'banner', title: 'News' })
    const app = serve()
    expect(await (await app.request('/v1/flows?key=pk_test')).json()).toEqual({ flows: [tour('good')] })
    const secretBody = await (await app.request('/v1/flows', { headers: { 'x-cairn-key': 'sk_test' } })).json()
    expect(secretBody.errors).toEqual([
      { file: 'news.json', path: '$.id', message: `the flow id "cairn-feed" is reserved for the what's-new feed` },
    ])
    expect(logs.join('\n')).toContain(`${join(dir, 'news.json')} $.id: the flow id "cairn-feed" is reserved`)
  })

  it('answers 304 to a matching If-None-Match and a new ETag after a change', async () => {
    await write('a.json', tour('a'))
    const app = serve(0)
    const first = await app.request('/v1/flows?key=pk_test')
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await app.request('/v1/flows?key=pk_test', { headers: { 'if-none-match': etag ?? '' } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    expect(await again.text()).toBe('')
    const weak = await app.request('/v1/flows?key=pk_test', { headers: { 'if-none-match': `"other", W/${etag}` } })
    expect(weak.status).toBe(304)

    await write('b.json', tour('b'))
    await vi.waitFor(async () => {
      const changed = await app.request('/v1/flows?key=pk_test', { headers: { 'if-none-match': etag ?? '' } })
      expect(changed.status).toBe(200)
      expect(changed.headers.get('etag')).not.toBe(etag)
      expect((await changed.json()).flows.map((f: { id: string }) => f.id)).toEqual(['a', 'b'])
    }, { timeout: 5000, interval: 50 })
  })

  it('notices a fixed file through fs.watch, without waiting for the recheck', async () => {
    await write('a.json', { id: 'a', kind: 'tour', steps: [] })
    const app = serve(3_600_000)
    expect((await (await app.request('/v1/flows?key=pk_test')).json()).flows).toEqual([])
    await write('a.json', tour('a'))
    await vi.waitFor(async () => {
      expect((await (await app.request('/v1/flows?key=pk_test')).json()).flows).toEqual([tour('a')])
    }, { timeout: 5000, interval: 50 })
  })

  it('reports a missing folder to the secret key and serves nothing', async () => {
    await rm(dir, { recursive: true })
    const app = serve()
    expect(await (await app.request('/v1/flows?key=pk_test')).json()).toEqual({ flows: [] })
    const secret = await (await app.request('/v1/flows?key=sk_test')).json()
    expect(secret.errors[0].message).toContain('does not exist')
  })

  it('needs a key, and serves an empty list to a project without flows', async () => {
    const { app } = testApp()
    expect((await app.request('/v1/flows')).status).toBe(401)
    expect((await app.request('/v1/flows?key=pk_nope')).status).toBe(401)
    expect(await (await app.request('/v1/flows?key=pk_test')).json()).toEqual({ flows: [] })
  })

  it("sends each flow that declares no locale with the project's, and leaves a declared one alone", async () => {
    const source = flowSource([tour('plain') as Flow, { ...tour('english'), locale: 'en' } as Flow])
    const { app } = testApp({ flows: source, config: { projects: [{ id: 'test', writeKey: 'pk_test', secretKey: 'sk_test', locale: 'fa' }] } })
    const body = await (await app.request('/v1/flows?key=pk_test')).json()
    expect(body.flows.map((f: Flow) => [f.id, f.locale])).toEqual([['plain', 'fa'], ['english', 'en']])
    const without = await (await testApp({ flows: source }).app.request('/v1/flows?key=pk_test')).json()
    expect(without.flows[0]).toEqual(tour('plain'))
  })
})
