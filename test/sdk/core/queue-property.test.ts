import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { STALE_AFTER } from '../../../packages/sdk/src/core/queue.ts'
import {
  createClient, manualClock, manualLifecycle, memoryLocks, memoryStorage, recordingTransport, seededBytes,
} from '../../../packages/sdk/src/index.ts'
import type { Cairn, ManualClock, ManualLifecycle, RecordedRequest, TransportResult } from '../../../packages/sdk/src/index.ts'
import { settle } from './support.ts'

type Mode = 'ok' | '500' | '429' | 'network' | '413'
type Action =
  | { kind: 'track'; count: number }
  | { kind: 'flush' }
  | { kind: 'server'; mode: Mode }
  | { kind: 'advance'; ms: number }
  | { kind: 'hide' }
  | { kind: 'online' }
  | { kind: 'reload' }
  | { kind: 'crash' }
  | { kind: 'tab' }

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('track' as const), count: fc.integer({ min: 1, max: 60 }) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'flush' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('server' as const), mode: fc.constantFrom<Mode>('ok', '500', '429', 'network', '413') }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 20_000 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'hide' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'online' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reload' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'crash' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'tab' as const }) },
)

/** One browser: a shared storage and lock manager, a collector, and pages (tabs) that come and go. */
function world() {
  const storage = memoryStorage()
  const locks = memoryLocks()
  const stored = new Set<string>()
  const delivered = new Set<string>()
  let dropped = 0
  const tracked: string[] = []
  const problems: string[] = []
  let mode: Mode = 'ok'
  let now = 1_767_225_600_000
  let seed = 1
  type Page = { sdk: Cairn; clock: ManualClock; lifecycle: ManualLifecycle; inFlight: Map<string, number> }
  const pages: Page[] = []

  const answer = (page: Page) => (request: RecordedRequest): TransportResult | Promise<TransportResult> => {
    const ids = request.batch.events.map((e) => e.id)
    if (new Set(ids).size !== ids.length) problems.push('an id twice in one batch')
    for (const id of ids) {
      if (page.inFlight.has(id)) problems.push(`${id} sent again while its attempt was in flight`)
      page.inFlight.set(id, 1)
    }
    const done = (result: TransportResult) => {
      for (const id of ids) page.inFlight.delete(id)
      return result
    }
    // Answers arrive after a turn of the event loop, so attempts can overlap.
    return settle().then(() => {
      if (mode === '500') return done({ status: 500 })
      if (mode === '429') return done({ status: 429, retryAfter: '3' })
      if (mode === 'network') return done({ status: 0 })
      if (mode === '413' && ids.length > 1) return done({ status: 413 })
      let duplicates = 0
      for (const event of request.batch.events) {
        if (stored.has(event.id)) {
          duplicates++
          continue
        }
        stored.add(event.id)
        if (event.type !== 'track') continue
        if (event.name === 'sdk_error') dropped += Number(event.props?.queue_full ?? 0)
        else delivered.add(event.name)
      }
      return done({ status: 200, body: { accepted: ids.length - duplicates, duplicates, rejected: [] } })
    })
  }

  const open = () => {
    const clock = manualClock(now)
    const lifecycle = manualLifecycle()
    const page = { clock, lifecycle, inFlight: new Map<string, number>() } as Page
    page.sdk = createClient({
      key: 'pk', endpoint: 'https://c', storage, locks, clock, lifecycle, random: seededBytes(seed++),
      transport: recordingTransport(answer(page)),
    })
    pages.push(page)
    return page
  }
  open()

  const current = () => pages[pages.length - 1]!
  const advance = async (ms: number, step = 1_000) => {
    for (let left = ms; left > 0; left -= step) {
      const by = Math.min(step, left)
      now += by
      for (const page of pages) page.clock.advance(by)
      await settle()
    }
    await settle()
  }
  // flush() waits (on the page's clock) while another tab holds the flush lock, so time must pass
  // for it to finish: the bound is far above its ten short waits.
  const flush = async (page: Page) => {
    let finished = false
    const flushing = page.sdk.flush().then(() => void (finished = true))
    for (let i = 0; i < 60 && !finished; i++) await advance(1_000)
    await flushing
  }
  const leave = (page: Page, crash: boolean) => {
    pages.splice(pages.indexOf(page), 1)
    if (crash) return
    page.lifecycle.emit('hide')
    page.lifecycle.emit('unload')
  }

  return {
    tracked, problems, delivered,
    dropped: () => dropped,
    async run(step: Action) {
      const page = current()
      switch (step.kind) {
        case 'track':
          for (let i = 0; i < step.count; i++) page.sdk.track(`e${tracked.length}`, { n: tracked.length }), tracked.push(`e${tracked.length}`)
          break
        case 'flush': await flush(page); break
        case 'server': mode = step.mode; break
        case 'advance': await advance(step.ms); break
        case 'hide': page.lifecycle.emit('hide'); break
        case 'online': page.lifecycle.emit('online'); break
        case 'reload': leave(page, false); open(); break
        case 'crash': leave(page, true); open(); break
        case 'tab': open(); break
      }
      await settle()
    },
    /** The collector comes back for good; time passes until crashed pages' segments are stale. */
    async drain() {
      mode = 'ok'
      for (const page of pages) page.lifecycle.emit('online')
      await advance(10_000)
      await advance(STALE_AFTER, 60_000)
      open()
      for (let i = 0; i < 5; i++) {
        for (const page of [...pages]) await flush(page)
        await advance(5_000)
      }
    },
  }
}

describe('queue and delivery, for any sequence of track / flush / failure / reload / crash / new tab', () => {
  it('a flush in a second tab while the first splits a 413 finishes and loses nothing (found by the property)', async () => {
    const w = world()
    const steps: Action[] = [{ kind: 'track', count: 3 }, { kind: 'tab' }, { kind: 'server', mode: '413' }, { kind: 'advance', ms: 2000 }, { kind: 'flush' }]
    for (const step of steps) await w.run(step)
    await w.drain()
    expect(w.problems).toEqual([])
    expect(w.delivered.size + w.dropped()).toBe(w.tracked.length)
  })

  it('sends each event at most once per attempt, and eventually delivers every event not dropped-and-counted', async () => {
    await fc.assert(fc.asyncProperty(fc.array(action, { maxLength: 25 }), async (actions) => {
      const w = world()
      for (const step of actions) await w.run(step)
      await w.drain()
      expect(w.problems).toEqual([])
      expect([...w.delivered].every((name) => w.tracked.includes(name))).toBe(true)
      expect(w.delivered.size + w.dropped()).toBe(w.tracked.length)
    }), { numRuns: 60 })
  }, 120_000)
})
