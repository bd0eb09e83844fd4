import { describe, expect, it } from 'vitest'
import { fetchTransport } from '../../../packages/sdk/src/index.ts'

type Call = [string, RequestInit]

const fakeFetch = (respond: () => Promise<Response> | Response) => {
  const calls: Call[] = []
  const impl = ((url: string, init: RequestInit) => {
    calls.push([url, init])
    return Promise.resolve().then(respond)
  }) as unknown as typeof fetch
  return { calls, impl }
}

describe('fetchTransport', () => {
  it('POSTs a CORS-simple text/plain body without credentials and reads the answer', async () => {
    const { calls, impl } = fakeFetch(() => new Response('{"accepted":1,"duplicates":0,"rejected":[]}', { status: 200 }))
    const result = await fetchTransport(impl, undefined).send('https://c/v1/batch', '{"a":1}', { keepalive: false })
    expect(result).toEqual({ status: 200, retryAfter: null, body: { accepted: 1, duplicates: 0, rejected: [] } })
    const [url, init] = calls[0]!
    expect(url).toBe('https://c/v1/batch')
    expect(init).toMatchObject({ method: 'POST', body: '{"a":1}', keepalive: false, credentials: 'omit', headers: { 'content-type': 'text/plain' } })
    expect(init.signal).toBeInstanceOf(AbortSignal)
  })

  it('passes Retry-After through', async () => {
    const { impl } = fakeFetch(() => new Response('', { status: 429, headers: { 'Retry-After': '12' } }))
    expect(await fetchTransport(impl, undefined).send('u', 'b', { keepalive: false })).toEqual({ status: 429, retryAfter: '12' })
  })

  it('turns a network error into status 0', async () => {
    const { impl } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')))
    expect(await fetchTransport(impl, undefined).send('u', 'b', { keepalive: false })).toEqual({ status: 0 })
  })

  it('on page hide, uses fetch keepalive', async () => {
    const beacons: string[] = []
    const ok = fakeFetch(() => new Response('{}', { status: 200 }))
    await fetchTransport(ok.impl, (url) => beacons.push(url) > 0, true).send('u', 'b', { keepalive: true })
    expect(ok.calls[0]![1]).toMatchObject({ keepalive: true })
    expect(ok.calls[0]![1].signal).toBeUndefined()
    expect(beacons).toEqual([])
  })

  it('on page hide, uses sendBeacon with a text/plain blob where fetch has no keepalive', async () => {
    const beacons: [string, Blob][] = []
    const unused = fakeFetch(() => new Response('{}', { status: 200 }))
    const transport = fetchTransport(unused.impl, (url, data) => beacons.push([url, data]) > 0, false)
    expect(await transport.send('u', '{"x":1}', { keepalive: true })).toEqual({ status: 0 })
    expect(unused.calls).toEqual([])
    expect(beacons[0]![0]).toBe('u')
    expect(beacons[0]![1].type).toBe('text/plain')
    expect(await beacons[0]![1].text()).toBe('{"x":1}')
  })

  it('turns a fetch that throws into status 0', async () => {
    const throwing = ((): Promise<Response> => { throw new TypeError('blocked') }) as unknown as typeof fetch
    expect(await fetchTransport(throwing, undefined, true).send('u', 'b', { keepalive: true })).toEqual({ status: 0 })
  })
})
