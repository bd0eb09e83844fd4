import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, waitFor, within } from '@testing-library/preact'
import type { Flow, UserState } from '@cairn/protocol'
import { flowEngine } from '../../packages/sdk/src/core/flow-engine-adapter.ts'
import type { EngineEnv } from '../../packages/sdk/src/core/flow-engine-adapter.ts'
import type { FlowsRead } from '../../packages/sdk/src/core/engine.ts'
import { navigation } from '../../packages/sdk/src/core/navigation.ts'
import { loadNpmChunk } from '../../packages/sdk/src/loader/npm-chunks.ts'
import { init, storageKeys } from '../../packages/sdk/src/index.ts'
import type { Cairn, CairnEventMap, ClientDeps, EngineHost } from '../../packages/sdk/src/index.ts'
import { announcement, checklist, survey, tour } from '../widgets/flows.ts'
import { ENDPOINT, accepted, settle, setup } from './core/support.ts'

const PAGE = 'https://app.example.com/projects/1'

/** A collector's read side: answers GETs from `routes` (path → answer) and records each request. */
function fakeFetch(routes: Record<string, (request: Request) => Response | Promise<Response>>) {
  const requests: Request[] = []
  const fetch = vi.fn(async (input: string | URL | Request, options?: RequestInit) => {
    const request = new Request(input, options)
    requests.push(request)
    const path = new URL(request.url).pathname
    const route = Object.entries(routes).find(([prefix]) => path.startsWith(prefix))
    return route ? route[1](request) : new Response('{"error":{}}', { status: 404 })
  }) as typeof globalThis.fetch
  return { fetch, requests }
}

const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json', ...headers } })
const noFlows = () => json({ flows: [] })

/** A client on twins with the real engine and the real widget runtime (chunks from source). */
function client(options: {
  flows?: Flow[] | unknown[]
  routes?: Record<string, (request: Request) => Response | Promise<Response>>
  env?: Partial<EngineEnv>
  deps?: Partial<ClientDeps>
  storage?: ReturnType<typeof setup>['storage']
  /** The lazy loader's read of the flows, handed to the engine. */
  early?: Promise<FlowsRead>
} = {}) {
  const reads = fakeFetch({ '/v1/flows': noFlows, ...options.routes })
  const info = vi.fn()
  let host: EngineHost | undefined
  const factory = flowEngine({ fetch: reads.fetch, url: () => PAGE, console: { info }, ...options.env })
  const made = setup({
    answer: accepted,
    ...(options.storage && { storage: options.storage }),
    deps: {
      flows: options.flows as Flow[],
      loadChunk: loadNpmChunk,
      engine: (h) => factory((host = h), options.early),
      ...options.deps,
    },
  })
  clients.push(made.sdk)
  const heard: [string, unknown][] = []
  for (const name of ['flow:shown', 'flow:step', 'flow:completed', 'flow:dismissed', 'flow:error', 'flow:held_out', 'milestone'] as const) {
    made.sdk.on(name, (payload) => heard.push([name, payload]))
  }
  const wire = async () => {
    await made.sdk.flush()
    return made.events().filter((e) => e.type.startsWith('flow_')).map((e) => [e.type, (e as { flowId: string }).flowId, (e as { reason?: string }).reason])
  }
  return { ...made, reads, info, heard, wire, host: () => host! }
}

/** Every client a test made, destroyed after it (a live runtime would put its host element back). */
const clients: Cairn[] = []
const roots = () => [...document.querySelectorAll('cairn-root')]
const ui = (index = 0) => within(roots()[index]?.shadowRoot as unknown as HTMLElement)
const dialog = (name: string) => waitFor(() => ui().getByRole('dialog', { name }))

let unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)
beforeEach(() => {
  unhandled = []
  process.on('unhandledRejection', onUnhandled)
})
afterEach(() => {
  process.off('unhandledRejection', onUnhandled)
  for (const sdk of clients.splice(0)) sdk.destroy()
  document.body.replaceChildren()
  expect(unhandled).toEqual([])
})

describe('the SDK drives the flow engine, which renders through the widget runtime', () => {
  it('show*() takes a flow id or an inline definition; listeners and the collector hear the lifecycle', async () => {
    const { sdk, heard, wire } = client({ flows: [tour] })
    sdk.showTour('welcome')
    await dialog('Welcome, there')
    const card = () => within(ui().getByRole('dialog'))
    fireEvent.click(card().getByRole('button', { name: 'Next' }))
    fireEvent.click(card().getByRole('button', { name: 'Next' }))
    fireEvent.click(card().getByRole('button', { name: 'Done' }))
    await waitFor(() => expect(ui().queryByRole('dialog')).toBeNull())

    sdk.showAnnouncement({ ...announcement('banner'), id: 'inline-news' })
    await waitFor(() => ui().getByRole('region', { name: 'Dark mode is here' }))
    await settle()

    expect(heard).toEqual([
      ['flow:shown', { flowId: 'welcome', kind: 'tour', reason: 'manual', props: { kind: 'tour', steps: ['hello', 'projects', 'done'] } }],
      ['flow:step', { flowId: 'welcome', kind: 'tour', stepIndex: 1, stepId: 'projects' }],
      ['flow:step', { flowId: 'welcome', kind: 'tour', stepIndex: 2, stepId: 'done' }],
      ['flow:completed', { flowId: 'welcome', kind: 'tour' }],
      ['flow:shown', { flowId: 'inline-news', kind: 'announcement', reason: 'manual', props: { kind: 'announcement', steps: [] } }],
    ])
    expect(await wire()).toEqual([
      ['flow_shown', 'welcome', 'manual'], ['flow_step', 'welcome', undefined], ['flow_step', 'welcome', undefined],
      ['flow_completed', 'welcome', undefined], ['flow_shown', 'inline-news', 'manual'],
    ])
  })

  it('an invalid flow is a flow:error (heard by a listener added right after init), and the others still show', async () => {
    const broken = { id: 'broken', kind: 'tour', trigger: { url: 42 }, steps: [] }
    const { heard, wire } = client({ flows: [broken, { ...announcement('banner'), trigger: { url: '/projects/*' } }] })
    await waitFor(() => ui().getByRole('region', { name: 'Dark mode is here' }))
    await settle()
    expect(heard[0]).toEqual(['flow:error', {
      flowId: 'broken', reason: 'invalid', props: { path: '$.trigger.url', message: expect.any(String) }, message: expect.any(String),
    }])
    expect(heard[1]).toEqual(['flow:shown', { flowId: 'news-banner', kind: 'announcement', reason: 'auto', props: { kind: 'announcement', steps: [] } }])
    expect(await wire()).toEqual([['flow_error', 'broken', 'invalid'], ['flow_shown', 'news-banner', 'auto']])
  })

  it('an event trigger counts track() calls; a milestone reaches the engine and sdk.on("milestone")', async () => {
    const { sdk, heard, host } = client({
      flows: [
        { ...survey, trigger: { event: { name: 'report_exported', count: 2 } } },
        { ...announcement('banner'), trigger: { milestone: 'activated' } },
      ],
    })
    sdk.track('report_exported')
    await settle()
    expect(roots()).toEqual([])
    sdk.track('report_exported')
    await dialog('How likely are you to recommend us?')

    host().record({ type: 'milestone', name: 'activated' })
    host().record({ type: 'milestone', name: 'activated' })
    await waitFor(() => ui().getByRole('region', { name: 'Dark mode is here' }))
    expect(heard.filter(([name]) => name === 'milestone')).toEqual([['milestone', { name: 'activated' }]])
  })

  it('reads flows from GET /v1/flows with the write key and caches them with their ETag; a 304 keeps the cached ones', async () => {
    const remote = [{ ...tour, trigger: { url: '/projects/*' } }]
    const first = client({ routes: { '/v1/flows': () => json({ flows: remote }, { etag: '"abc"' }) } })
    await dialog('Welcome, there')
    expect(first.reads.requests.map((r) => [r.method, r.url, r.credentials])).toEqual([['GET', `${ENDPOINT}/v1/flows?key=pk_test`, 'same-origin']])
    first.sdk.destroy()

    // The next page: the collector says nothing changed; the flows come from the cache.
    const again = client({ storage: first.storage, routes: { '/v1/flows': () => new Response(null, { status: 304, headers: { etag: '"abc"' } }) } })
    again.sdk.showTour('welcome', { force: true })
    await dialog('Welcome, there')
    expect(again.reads.requests).toHaveLength(1)
  })

  it('takes the flows from the lazy loader\'s read instead of asking again; when that read failed, asks itself', async () => {
    const remote = [{ ...tour, trigger: { url: '/projects/*' } }]
    const handed = client({ early: Promise.resolve<FlowsRead>([json({}, { etag: '"abc"' }), { flows: remote }]) })
    await dialog('Welcome, there')
    expect(handed.reads.requests).toEqual([])
    expect(JSON.parse(handed.storage.get(`${storageKeys('pk_test').base}engine:flows`) ?? 'null')).toMatchObject({ etag: '"abc"', flows: remote })
    handed.sdk.destroy()

    for (const early of [Promise.reject(new TypeError('Failed to fetch')), Promise.resolve<FlowsRead>([new Response('{}', { status: 503 })])]) {
      const failed = client({ early, routes: { '/v1/flows': () => json({ flows: remote }) } })
      await dialog('Welcome, there')
      expect(failed.reads.requests).toHaveLength(1)
      failed.sdk.destroy()
    }
  })

  it('a read of the flows that fails on the way (network, 5xx) is tried again after 1 s and 4 s; a 4xx is not', async () => {
    const remote = [{ ...tour, trigger: { url: '/projects/*' } }]
    const answers = [() => Promise.reject(new TypeError('Failed to fetch')), () => new Response('{}', { status: 503 }), () => json({ flows: remote })]
    const blip = client({ routes: { '/v1/flows': () => answers.shift()!() } })
    await settle()
    expect(blip.reads.requests).toHaveLength(1)
    await blip.advance(999)
    expect(blip.reads.requests).toHaveLength(1)
    await blip.advance(1)
    expect(blip.reads.requests).toHaveLength(2)
    await blip.advance(4_000)
    await dialog('Welcome, there')
    expect(blip.reads.requests.filter((r) => r.url.includes('/v1/flows'))).toHaveLength(3)
    blip.sdk.destroy()

    const refused = client({ routes: { '/v1/flows': () => new Response('{}', { status: 401 }) } })
    await refused.advance(10_000)
    expect(refused.reads.requests.filter((r) => r.url.includes('/v1/flows'))).toHaveLength(1)
  })

  it('show*() of an id waits for the collector\'s flows; an unknown id is a flow:error once they are in', async () => {
    let answer: (response: Response) => void = () => {}
    const { sdk, heard } = client({ routes: { '/v1/flows': () => new Promise<Response>((resolve) => (answer = resolve)) } })
    sdk.showChecklist('getting-started')
    sdk.showTour('nope')
    await settle()
    expect(heard).toEqual([])
    answer(json({ flows: [checklist] }))
    await waitFor(() => ui().getByRole('dialog', { name: 'Get started' }))
    await settle()
    expect(heard).toContainEqual(['flow:error', { flowId: 'nope', reason: 'unknown_flow' }])
  })

  it('merges GET /v1/users/:id/state (key and identity hash): a flow completed on another device does not show again', async () => {
    const hash = 'ab'.repeat(32)
    const state: UserState = { userId: 'u 1', flows: { welcome: { shownCount: 1, shownAt: 1, completedAt: 2 } }, milestones: {}, events: {} }
    const { reads, heard } = client({
      flows: [{ ...tour, frequency: 'until_completed', trigger: {} }, { ...announcement('banner'), trigger: {} }],
      routes: { '/v1/users/': () => json(state) },
      deps: { user: { id: 'u 1', hash } },
    })
    await waitFor(() => ui().getByRole('region'))
    await settle()
    expect(reads.requests.map((r) => r.url)).toContain(`${ENDPOINT}/v1/users/u%201/state?hash=${hash}&key=pk_test`)
    expect(heard.map(([name, p]) => [name, (p as { flowId: string }).flowId])).toEqual([['flow:shown', 'news-banner']])
    expect(ui().queryByRole('dialog')).toBeNull()
  })

  it('reads the user state again when the page comes back, at most once per 30 s and never while hidden: a tick from another device shows', async () => {
    let back: ((hidden: boolean) => void) | undefined
    let ticked = false
    const state = (): UserState => ({
      userId: 'u1', milestones: {}, events: {},
      flows: ticked ? { 'getting-started': { shownCount: 1, shownAt: 1, items: { project: 2 } } } : {},
    })
    const { sdk, reads, clock } = client({
      flows: [checklist],
      routes: { '/v1/users/': () => json(state()) },
      deps: { user: { id: 'u1' } },
      env: { onReturn: (listener) => ((back = listener), () => (back = undefined)) },
    })
    const stateReads = () => reads.requests.filter((r) => r.url.includes('/v1/users/')).length
    sdk.showChecklist('getting-started')
    await dialog('Get started')
    await settle()
    const marks = () => ui().getAllByRole('img').map((mark) => mark.getAttribute('aria-label'))
    expect(marks()).toEqual(['not completed', 'not completed'])
    expect(stateReads()).toBe(1)
    ticked = true // on the phone
    clock.advance(10_000)
    back!(false)
    await settle()
    expect(stateReads()).toBe(1)
    clock.advance(25_000)
    back!(true)
    await settle()
    expect(stateReads()).toBe(1)
    back!(false)
    await waitFor(() => expect(marks()).toEqual(['completed', 'not completed']))
    expect(stateReads()).toBe(2)
    back!(false)
    await settle()
    expect(stateReads()).toBe(2)
    sdk.destroy()
    expect(back).toBeUndefined()
  })

  it('re-evaluates URL triggers on SPA navigations (history.pushState)', async () => {
    history.replaceState(null, '', '/home')
    const { sdk } = client({
      flows: [{ ...announcement('modal'), trigger: { url: '/projects/*' } }],
      env: { url: () => location.href, onNavigate: navigation(window) },
    })
    await settle()
    expect(roots()).toEqual([])
    history.pushState(null, '', '/projects/7')
    await dialog('Dark mode is here')
    sdk.destroy()
    expect(Object.hasOwn(history, 'pushState')).toBe(false)
  })

  it('a widget chunk that fails to load is a flow:error chunk_failed; the page goes on and the next flow tries again', async () => {
    let fail = true
    const loadChunk = (name: string) => (fail ? Promise.reject(new Error('offline')) : loadNpmChunk(name))
    const { sdk, heard, wire } = client({ flows: [tour], deps: { loadChunk } })
    sdk.showTour('welcome')
    await waitFor(() => expect(heard).toContainEqual(['flow:error', { flowId: 'welcome', kind: 'tour', reason: 'chunk_failed' }]))
    expect(roots()).toEqual([])
    fail = false
    sdk.showTour('welcome')
    await dialog('Welcome, there')
    expect((await wire()).slice(0, 2)).toEqual([['flow_error', 'welcome', 'chunk_failed'], ['flow_shown', 'welcome', 'manual']])
  })

  it('fetches ahead, once the page is idle, the runtime and the chunk of each kind whose flow waits for an event here; not for others', async () => {
    const idle: (() => void)[] = []
    const loadChunk = vi.fn(loadNpmChunk)
    const flows = [
      { ...tour, trigger: { event: { name: 'project_created' } } },
      { ...tour, id: 'elsewhere', trigger: { url: '/billing' } },
      { ...checklist, trigger: { event: { name: 'x' } }, audience: { segment: 'beta' } },
      { ...announcement('banner'), trigger: { milestone: 'first_board' } },
      { ...announcement('modal'), id: 'second', trigger: { event: { name: 'y' } } },
    ]
    const { sdk } = client({ flows, env: { idle: (run) => idle.push(run) }, deps: { loadChunk } })
    await settle()
    expect(loadChunk.mock.calls.filter(([name]) => name !== 'engine')).toEqual([])
    // One idle callback per kind: the second announcement shares the first one's.
    expect(idle).toHaveLength(2)
    idle.forEach((run) => run())
    await settle()
    // The runtime once (made ahead too), then each kind.
    expect(loadChunk.mock.calls.map(([name]) => name).sort()).toEqual(['announcement', 'runtime', 'tour'])
    expect(roots()).toEqual([])
    // When the event comes, the tour shows from what was fetched.
    sdk.track('project_created')
    await dialog('Welcome, there')
    // Asked for ahead, by the render beside the runtime, and by the runtime: one module (import() caches it).
    expect(loadChunk.mock.calls.filter(([name]) => name === 'tour')).toHaveLength(3)
  })

  it('fetches nothing ahead without an idle callback, and a failed fetch ahead is the render\'s to report', async () => {
    const loadChunk = vi.fn((name: string) => Promise.reject(new Error(`offline: ${name}`)))
    const silent = client({ flows: [{ ...tour, trigger: { event: { name: 'e' } } }], deps: { loadChunk } })
    await settle()
    expect(loadChunk).not.toHaveBeenCalled()
    silent.sdk.destroy()
    const idle: (() => void)[] = []
    const { sdk, heard } = client({ flows: [{ ...tour, trigger: { event: { name: 'e' } } }], env: { idle: (run) => idle.push(run) }, deps: { loadChunk } })
    await settle()
    idle.forEach((run) => run())
    await settle()
    expect(loadChunk).toHaveBeenCalledTimes(2)
    expect(heard).toEqual([])
    expect(unhandled).toEqual([])
    sdk.track('e')
    await waitFor(() => expect(heard).toContainEqual(['flow:error', { flowId: 'welcome', kind: 'tour', reason: 'chunk_failed' }]))
  })

  it('one widget runtime per client: destroy() removes its host element; the runtime chunk loads once', async () => {
    const loadChunk = vi.fn(loadNpmChunk)
    const { sdk, wire } = client({ flows: [tour, { ...announcement('banner'), trigger: {} }], deps: { loadChunk } })
    await waitFor(() => ui().getByRole('region'))
    sdk.showTour('welcome')
    await dialog('Welcome, there')
    expect(loadChunk.mock.calls.filter(([name]) => name === 'runtime')).toHaveLength(1)
    expect(roots()).toHaveLength(1)
    const before = await wire()
    sdk.destroy()
    expect(ui().queryByRole('dialog')).toBeNull()
    await settle()
    expect(roots()).toEqual([])
    sdk.showTour('welcome')
    await settle()
    expect(roots()).toEqual([])
    expect(before).toHaveLength(2)
  })

  it('reset() (logout) closes widgets and forgets flow state; anonymous → identified keeps it; another user starts afresh', async () => {
    const once = { ...announcement('banner'), trigger: {} }
    const { sdk, heard } = client({ flows: [once], routes: { '/v1/users/': () => json({ userId: 'x', flows: {}, milestones: {}, events: {} }) } })
    await waitFor(() => ui().getByRole('region'))
    sdk.identify('u1')
    await settle()
    expect(ui().queryByRole('region')).not.toBeNull()
    sdk.reset()
    await waitFor(() => expect(heard.filter(([n]) => n === 'flow:shown')).toHaveLength(2))
    sdk.identify('u1')
    sdk.identify('u2')
    await waitFor(() => expect(heard.filter(([n]) => n === 'flow:shown')).toHaveLength(3))
    expect(ui().getAllByRole('region')).toHaveLength(1)
  })

  it('a page that starts with another signed-in user starts afresh; one that starts by signing in the anonymous visitor does not', async () => {
    const once = [{ ...announcement('banner'), trigger: {} }]
    const visit = async (user: string | undefined, storage?: ReturnType<typeof setup>['storage']) => {
      const made = client({ flows: once, ...(storage && { storage }), deps: user ? { user: { id: user } } : {} })
      // Long enough for a widget to be shown: the first visit proves it.
      await new Promise((resolve) => setTimeout(resolve, 50))
      made.sdk.destroy()
      document.body.replaceChildren()
      return made
    }
    const anonymous = await visit(undefined)
    expect(anonymous.heard).toHaveLength(1)
    expect((await visit('u1', anonymous.storage)).heard).toEqual([])
    expect((await visit('u2', anonymous.storage)).heard).toHaveLength(1)
    expect((await visit('u2', anonymous.storage)).heard).toEqual([])
  })

  it('init({ limits }) sets the attention budget', async () => {
    const auto = (id: string) => ({ ...announcement('banner'), id, trigger: {} })
    const { heard } = client({ flows: [auto('a'), auto('b')], deps: { limits: { perSession: 1 } } })
    await waitFor(() => ui().getByRole('region'))
    await settle()
    expect(heard.map(([, p]) => (p as { flowId: string }).flowId)).toEqual(['a'])
  })

  it('debug mode explains on the console why each flow did or did not show', async () => {
    const { info } = client({
      flows: [{ ...tour, trigger: { url: '/dashboard' } }, { ...announcement('banner'), trigger: { url: '/projects/*' } }],
      deps: { debug: true },
    })
    await waitFor(() => ui().getByRole('region'))
    const lines = info.mock.calls.map((call) => call.join(' '))
    expect(lines.some((l) => /^\[cairn\] welcome: never: trigger .*\/dashboard.* does not match https:\/\/app\.example\.com\/projects\/1$/.test(l))).toBe(true)
    expect(lines.some((l) => l.startsWith('[cairn] news-banner: now:'))).toBe(true)
  })

  it('without debug mode the engine says nothing', async () => {
    const { info } = client({ flows: [{ ...announcement('banner'), trigger: {} }] })
    await waitFor(() => ui().getByRole('region'))
    expect(info).not.toHaveBeenCalled()
  })

  it('while opted out: flows still show, but nothing about the user is stored or read', async () => {
    const { sdk, storage, reads } = client({ flows: [{ ...announcement('banner'), trigger: {} }], deps: { gpc: true, user: { id: 'u1' } } })
    await waitFor(() => ui().getByRole('region'))
    sdk.showTour({ ...tour, id: 'later' })
    await dialog('Welcome, there')
    expect(storage.keys('cairn:')).toEqual([])
    expect(reads.requests.map((r) => new URL(r.url).pathname)).toEqual(['/v1/flows'])
  })

  it('hostile show*() arguments never throw or reject: a broken definition is a flow:error, the rest is ignored', async () => {
    const { sdk, heard } = client({ flows: [tour] })
    const trap = new Proxy({}, { get() { throw new Error('trap') }, has() { throw new Error('trap') } })
    const hostile: unknown[][] = [
      [{}], [{ id: 'x', kind: 'popup' }], [{ id: 'welcome', kind: 'survey' }], [trap], [{ id: '__proto__', kind: 'tour', steps: [] }],
      ['constructor'], ['welcome', trap], [{ id: 'ok', steps: [{ id: 'a', title: 'Inline' }] }, { force: 'yes' }],
    ]
    for (const args of hostile) expect(() => (sdk.showTour as (...a: unknown[]) => void)(...args)).not.toThrow()
    await waitFor(() => ui().getByRole('dialog', { name: 'Inline' }))
    await settle()
    const errors = heard.filter(([name]) => name === 'flow:error').map(([, p]) => (p as { flowId: string; reason: string }).reason)
    expect(errors).toEqual(expect.arrayContaining(['invalid', 'unknown_flow']))
  })

  it('two instances on one page keep their flows, widgets and storage apart', async () => {
    const a = client({ flows: [{ ...announcement('banner'), trigger: {} }] })
    const b = client({ flows: [{ ...tour, trigger: {} }], deps: { key: 'pk_other' } as Partial<ClientDeps> })
    await waitFor(() => expect(roots()).toHaveLength(2))
    await waitFor(() => ui(1).getByRole('dialog', { name: 'Welcome, there' }))
    expect(ui(0).queryByRole('dialog')).toBeNull()
    a.sdk.destroy()
    await settle()
    expect(roots()).toHaveLength(1)
    expect(a.heard.map(([, p]) => (p as { flowId: string }).flowId)).toEqual(['news-banner'])
    expect(b.heard.map(([, p]) => (p as { flowId: string }).flowId)).toEqual(['welcome'])
  })
})

describe('init() and the npm entry', () => {
  const sdks: Cairn[] = []
  const originalFetch = globalThis.fetch
  beforeEach(() => {
    localStorage.clear()
    globalThis.fetch = (async () => json({ flows: [] })) as typeof fetch
  })
  afterEach(() => {
    for (const sdk of sdks.splice(0)) sdk.destroy()
    globalThis.fetch = originalFetch
    history.replaceState(null, '', '/')
  })

  it('come with the flow engine and load widget chunks from the package', async () => {
    const sdk = init({ key: 'pk_npm', flows: [tour] })
    sdks.push(sdk)
    const shown: CairnEventMap['flow:shown'][] = []
    sdk.on('flow:shown', (p) => shown.push(p))
    sdk.showTour('welcome')
    await dialog('Welcome, there')
    await settle()
    expect(shown).toEqual([{ flowId: 'welcome', kind: 'tour', reason: 'manual', props: { kind: 'tour', steps: ['hello', 'projects', 'done'] } }])
  })

  it('?cairn_debug=1 in the page URL turns debug mode on', async () => {
    history.replaceState(null, '', '/?cairn_debug=1')
    const info = vi.spyOn(console, 'info').mockImplementation(() => {})
    sdks.push(init({ key: 'pk_debug', flows: [{ ...announcement('banner'), trigger: { url: '/nowhere' } }] }))
    await settle()
    expect(info).toHaveBeenCalledWith('[cairn]', expect.stringMatching(/^news-banner: never: trigger .*\/nowhere/))
    info.mockRestore()
  })
})
