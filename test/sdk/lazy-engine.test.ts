import { describe, expect, it, vi } from 'vitest'
import { lazyEngine } from '../../packages/sdk/src/core/lazy-engine.ts'
import type { EngineFactory, EngineHost, FlowEngine, FlowsRead } from '../../packages/sdk/src/core/engine.ts'
import { memoryStorage, storageKeys } from '../../packages/sdk/src/index.ts'
import { tour } from '../widgets/flows.ts'

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

/** A host with just what the lazy engine reads, and a real engine stand-in that records its calls. */
function setup(options: { flows?: unknown[]; endpoint?: string; cached?: unknown; live?: unknown; flowsAnswer?: unknown; chunk?: 'fails' } = {}) {
  const storage = memoryStorage()
  const keys = storageKeys('pk_test')
  if (options.cached) storage.set(`${keys.base}engine:flows`, JSON.stringify(options.cached))
  if (options.live) storage.set(`${keys.base}engine:live`, JSON.stringify(options.live))
  const fail = vi.fn()
  const host = { options: { key: 'pk_test', flows: options.flows }, endpoint: options.endpoint ?? '', keys, storage, fail } as unknown as EngineHost
  const calls: string[] = []
  const real: FlowEngine = {
    show: (kind, flow) => void calls.push(`show ${kind} ${typeof flow === 'string' ? flow : flow.id}`),
    observe: (event) => void calls.push(`observe ${event.type}`),
    identityChanged: () => void calls.push('identity'),
    destroy: () => void calls.push('destroy'),
  }
  let attempts = 0
  const handed: (Promise<FlowsRead> | undefined)[] = []
  const load = vi.fn(async (): Promise<EngineFactory> => {
    attempts++
    if (options.chunk === 'fails' && attempts === 1) throw new Error('offline')
    return (_, early) => (handed.push(early), real)
  })
  const read = vi.fn(async () => new Response(JSON.stringify(options.flowsAnswer ?? { flows: [] })))
  const engine = lazyEngine(load, read as unknown as typeof fetch)(host)
  return { engine, load, read, calls, fail, handed }
}
const track = { type: 'track', name: 'x' } as never

describe('lazyEngine', () => {
  it('never loads the engine on a page with nothing to decide about, and buffers nothing', async () => {
    const { engine, load, read, calls } = setup()
    engine.observe?.(track)
    engine.identityChanged?.()
    await settle()
    expect(load).not.toHaveBeenCalled()
    expect(read).not.toHaveBeenCalled()
    expect(calls).toEqual([])
  })

  it('loads at once with inline flows and replays the calls made meanwhile, in order', async () => {
    const { engine, load, calls } = setup({ flows: [tour] })
    expect(load).toHaveBeenCalledTimes(1)
    engine.observe?.(track)
    engine.show('tour', 'welcome')
    engine.identityChanged?.()
    expect(calls).toEqual([])
    await settle()
    expect(calls).toEqual(['observe track', 'show tour welcome', 'identity'])
    engine.observe?.(track)
    expect(calls.at(-1)).toBe('observe track')
  })

  it('loads for a show*() call', async () => {
    const { engine, load, calls } = setup()
    engine.show('survey', 'nps')
    await settle()
    expect(load).toHaveBeenCalledTimes(1)
    expect(calls).toEqual(['show survey nps'])
  })

  it.each([
    ['flows', { flows: [tour] }, 1],
    ['declared milestones', { flows: [], milestones: ['activated'] }, 1],
    ['nothing', { flows: [] }, 0],
  ])('with an endpoint, loads when the collector serves %s', async (_, flowsAnswer, loads) => {
    const { load, read } = setup({ endpoint: 'http://127.0.0.1:1', flowsAnswer })
    await settle()
    await settle()
    expect(read).toHaveBeenCalledWith('http://127.0.0.1:1/v1/flows?key=pk_test')
    expect(load).toHaveBeenCalledTimes(loads)
  })

  it('hands its read of the flows to the engine, body parsed once, so that the engine does not ask again', async () => {
    const { load, read, handed } = setup({ endpoint: 'http://127.0.0.1:1', flowsAnswer: { flows: [tour] } })
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1))
    await settle()
    expect(read).toHaveBeenCalledTimes(1)
    const [response, answer] = (await handed[0]) ?? []
    expect(answer).toEqual({ flows: [tour] })
    expect(response?.bodyUsed).toBe(true)
  })

  it('loads at once when an earlier page cached flows, without asking the collector first', () => {
    const { load, read } = setup({ endpoint: 'http://127.0.0.1:1', cached: { flows: [tour] } })
    expect(load).toHaveBeenCalledTimes(1)
    expect(read).not.toHaveBeenCalled()
  })

  it.each<[string, unknown, number]>([
    ['a kept definition of a flow in progress', [tour], 1],
    ['an empty list of them', [], 0],
    ['junk stored under the name', { flows: 1 }, 0],
  ])('loads at once for %s, with nothing defined on the page', (_, live, loads) => {
    const { load } = setup({ live })
    expect(load).toHaveBeenCalledTimes(loads)
  })

  it('reports a chunk that fails to load, drops what waited, and tries again on the next show*()', async () => {
    const { engine, load, calls, fail } = setup({ chunk: 'fails' })
    engine.show('tour', 'a')
    await settle()
    expect(fail).toHaveBeenCalledWith('engine_chunk', expect.any(Error))
    expect(calls).toEqual([])
    engine.show('tour', 'b')
    await settle()
    expect(load).toHaveBeenCalledTimes(2)
    expect(calls).toEqual(['show tour b'])
  })

  it('starts no engine after destroy', async () => {
    const { engine, calls } = setup({ flows: [tour] })
    engine.show('tour', 'welcome')
    engine.destroy?.()
    await settle()
    expect(calls).toEqual([])
  })

  it('keeps at most 500 waiting calls, dropping the oldest', async () => {
    const { engine, calls } = setup({ flows: [tour] })
    for (let i = 0; i < 600; i++) engine.observe?.(track)
    engine.show('tour', 'last')
    await settle()
    expect(calls).toHaveLength(500)
    expect(calls.at(-1)).toBe('show tour last')
  })
})
