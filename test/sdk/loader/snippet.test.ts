import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { runInThisContext } from 'node:vm'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it, vi } from 'vitest'

const SNIPPET = resolve(import.meta.dirname, '../../../packages/sdk/src/loader/snippet.js')
const source = readFileSync(SNIPPET, 'utf8')
const bodies: string[] = []
const originalFetch = globalThis.fetch
afterEach(() => {
  globalThis.fetch = originalFetch
})

describe('the copy-paste snippet', () => {
  it('is under 1 KB gzipped and points at cairn.js', () => {
    expect(gzipSync(source, { level: 9 }).length).toBeLessThan(1024)
    expect(source).toMatch(/"https:\/\/[^"]+\/cairn\.js"/)
  })

  it('stubs window.cairn, loads cairn.js, and the real SDK replays the queued calls in order', async () => {
    globalThis.fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      // The flow engine also reads the published flows (a GET); only batches carry events.
      if (init?.method !== 'POST') return new Response('{"flows":[]}', { status: 200 })
      bodies.push(String(init.body))
      return new Response('{"accepted":3,"duplicates":0,"rejected":[]}', { status: 200 })
    }) as typeof fetch
    const src = 'https://cdn.test/cairn/cairn.js'
    // As a pasted <script>: a classic script in the page's global scope.
    runInThisContext(source.replace(/"https:\/\/[^"]+\/cairn\.js"/, JSON.stringify(src)))

    const stub = (window as unknown as { cairn: Record<string, (...args: unknown[]) => unknown> & { _q: unknown[] } }).cairn
    stub.init!({ key: 'pk_snippet', endpoint: 'https://collector.test' })
    stub.identify!('user-1', { firstName: 'مریم' })
    stub.track!('project_created', { template: 'kanban' })
    const off = stub.on!('milestone', () => {}) as () => void
    off()
    stub.track!('task_completed')
    expect(stub._q.map((call) => (call as unknown[])[0])).toEqual(['init', 'identify', 'track', 'on', 'track'])

    const tag = document.head.querySelector<HTMLScriptElement>(`script[src="${src}"]`)
    expect(tag?.async).toBe(true)

    // What cairn.js does when it arrives.
    await import('../../../packages/sdk/src/loader/script.ts')
    const cairn = (window as unknown as { cairn: { flush(): Promise<void>; _q?: unknown } }).cairn
    expect(cairn).not.toBe(stub)
    expect(cairn._q).toBeUndefined()
    await cairn.flush()
    const events = bodies.flatMap((body) => (JSON.parse(body) as { events: { type: string; name?: string }[] }).events)
    expect(events.map((e) => e.name ?? e.type)).toEqual(['identify', 'project_created', 'task_completed'])
    expect(JSON.parse(bodies[0]!)).toMatchObject({ key: 'pk_snippet' })
  })
})
