import { afterEach, describe, expect, it } from 'vitest'
import { fireEvent, waitFor, within } from '@testing-library/preact'
import type { AnnouncementFlow, UserState } from '@cairn/protocol'
import { createFlowEngine, FEED, type FlowUser } from '../../packages/sdk/src/engine/index.ts'
import { fakeDeps } from '../sdk/engine/fake-deps.ts'
import { testRuntime } from './harness.ts'

afterEach(() => {
  document.body.replaceChildren()
})

const NOW = Date.parse('2026-11-22T12:00:00Z')
const DAY = 864e5
const iso = (t: number) => new Date(t).toISOString()
const entry = (id: string, title: string, daysAgo: number, extra: Partial<AnnouncementFlow> = {}): AnnouncementFlow =>
  ({ id, kind: 'announcement', style: 'modal', title, body: `All about ${title}.`, feed: true, publishAt: iso(NOW - daysAgo * DAY), ...extra })
const FLOWS = [
  entry('boards', 'Shared boards', 60, { locales: { fa: { title: 'بوردهای مشترک' } } }),
  entry('export', 'CSV export', 10, { locales: { fa: { title: 'خروجی CSV' } } }),
  entry('dark', 'Dark mode', 2, { audience: { trait: 'requestedFeatures', op: 'contains', value: 'dark-mode' }, locales: { fa: { title: 'حالت تیره' } } }),
  entry('soon', 'Not yet', -1),
]
const SARA: FlowUser = { userId: 'u1', anonymousId: 'a1', traits: { firstName: 'Sara', requestedFeatures: ['dark-mode'] } }

/** The real engine rendering through the real runtime, as the SDK wires them; `store` stands for this browser's storage. */
function start(options: { flows?: unknown[]; user?: FlowUser; remote?: UserState; store?: Map<string, string>; locale?: string; now?: number } = {}) {
  const { deps, fake } = fakeDeps({ now: options.now ?? NOW, user: options.user ?? SARA, ...(options.store && { store: options.store }) })
  if (options.remote) deps.fetchUserState = async () => options.remote
  const runtime = testRuntime({ locale: options.locale, user: () => ({ id: 'u1', traits: { firstName: 'Sara' } }) })
  deps.render = (flow, controls) => runtime.render(flow, controls)
  const engine = createFlowEngine(deps, { flows: options.flows ?? FLOWS })
  const ui = () => within(document.querySelector('cairn-root')?.shadowRoot as unknown as HTMLElement)
  const feedEvents = () => fake.events.filter(([, p]) => p.flowId === FEED).map(([type, p]) => `${type} ${p.reason ?? ''}`.trim())
  return { engine, ui, fake, deps, feedEvents, runtime }
}

const headings = (panel: HTMLElement) => within(panel).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)

describe("the what's-new feed through the engine", () => {
  it('the launcher counts what this user may read; opening lists it newest first, records the opening and clears the badge, also after a reload', async () => {
    const { engine, ui, fake, feedEvents, runtime } = start()
    engine.show(FEED, 'announcement')
    const launcher = await waitFor(() => ui().getByRole('button', { name: "What's new 3 new" }))
    expect(feedEvents()).toEqual([])
    fireEvent.click(launcher)
    const panel = ui().getByRole('dialog', { name: "What's new" })
    expect(headings(panel)).toEqual(['Dark mode New', 'CSV export New', 'Shared boards New'])
    expect(feedEvents()).toEqual(['flow_shown manual'])
    fireEvent.keyDown(panel, { key: 'Escape' })
    await waitFor(() => expect(ui().getByRole('button', { name: "What's new" })).toBe(launcher))
    engine.destroy()
    runtime.destroy()

    const again = start({ store: fake.store })
    again.engine.show(FEED, 'announcement')
    await waitFor(() => expect(again.ui().getByRole('button', { name: "What's new" })).toBeTruthy())
  })

  it("an opening on another device (the collector's user state) leaves nothing unread here", async () => {
    const remote: UserState = { userId: 'u1', flows: { [FEED]: { shownCount: 1, shownAt: NOW - DAY } }, milestones: {}, events: {} }
    const { engine, ui } = start({ remote })
    engine.show(FEED, 'announcement')
    const launcher = await waitFor(() => ui().getByRole('button', { name: "What's new" }))
    fireEvent.click(launcher)
    // Nothing marked new: the newest entry was published before that opening.
    expect(headings(ui().getByRole('dialog'))).toEqual(['Dark mode', 'CSV export', 'Shared boards'])
  })

  it('targeting: a user who did not ask for dark mode does not read about it', async () => {
    const { engine, ui } = start({ user: { userId: 'u2', anonymousId: 'a2', traits: { requestedFeatures: [] } } })
    engine.show(FEED, 'announcement', { open: true })
    const panel = await waitFor(() => ui().getByRole('dialog', { name: "What's new" }))
    expect(headings(panel)).toEqual(['CSV export New', 'Shared boards New'])
  })

  it('showFeed() opens the panel and moves focus into it, also when the launcher is already there; Esc gives focus back', async () => {
    const { engine, ui, feedEvents } = start()
    engine.show(FEED, 'announcement')
    const launcher = await waitFor(() => ui().getByRole('button', { name: "What's new 3 new" }))
    launcher.focus()
    engine.show(FEED, 'announcement', { open: true })
    const panel = await waitFor(() => ui().getByRole('dialog', { name: "What's new" }))
    expect(panel.contains(panel.getRootNode() && (panel.getRootNode() as ShadowRoot).activeElement)).toBe(true)
    expect(launcher.getAttribute('aria-expanded')).toBe('true')
    fireEvent.keyDown(panel, { key: 'Escape' })
    expect((launcher.getRootNode() as ShadowRoot).activeElement).toBe(launcher)
    expect(feedEvents()).toEqual(['flow_shown manual'])
  })

  it("the page's own element as the launcher: it toggles the panel and carries the unread count for the page's badge", async () => {
    const button = document.createElement('button')
    button.id = 'whats-new'
    button.textContent = 'News'
    document.body.append(button)
    const { engine, ui, feedEvents } = start()
    engine.show(FEED, 'announcement', { selector: '#whats-new' })
    await waitFor(() => expect(button.getAttribute('data-cairn-unread')).toBe('3'))
    expect(button.getAttribute('aria-expanded')).toBe('false')
    expect(ui().queryByRole('button', { name: /What's new/ })).toBeNull()
    fireEvent.click(button)
    await waitFor(() => expect(ui().getByRole('dialog', { name: "What's new" })).toBeTruthy())
    expect(button.hasAttribute('data-cairn-unread')).toBe(false)
    expect(button.getAttribute('aria-expanded')).toBe('true')
    fireEvent.click(button)
    await waitFor(() => expect(ui().queryByRole('dialog')).toBeNull())
    expect(feedEvents()).toEqual(['flow_shown manual'])
  })

  it('speaks Persian: strings, digits, direction and the entries in Persian', async () => {
    const { engine, ui } = start({ locale: 'fa' })
    engine.show(FEED, 'announcement')
    await waitFor(() => expect(ui().getByRole('button', { name: 'تازه‌ها ۳ مورد تازه' })).toBeTruthy())
    engine.show(FEED, 'announcement', { open: true })
    const panel = await waitFor(() => ui().getByRole('dialog', { name: 'تازه‌ها' }))
    expect(headings(panel)).toEqual(['حالت تیره تازه', 'خروجی CSV تازه', 'بوردهای مشترک تازه'])
    expect(panel.closest('[dir]')?.getAttribute('dir')).toBe('rtl')
    fireEvent.keyDown(panel, { key: 'Escape' })
    expect(ui().getByRole('button', { name: 'تازه‌ها' })).toBeTruthy()
  })

  it('says the unread count through the live region', async () => {
    const { engine } = start()
    engine.show(FEED, 'announcement')
    const status = () => document.querySelector('cairn-root')?.shadowRoot?.querySelector('[role="status"]')?.textContent
    await waitFor(() => expect(status()).toBe("What's new: 3 new"))
  })
})

describe("the feed's calls to action", () => {
  it('an entry links to its URL (newTab honoured) or starts its tour, closing the panel first', async () => {
    const tour = { id: 'dark-tour', kind: 'tour', steps: [{ id: 's', title: 'Find the switch' }] }
    const flows = [
      entry('docs', 'API docs', 3, { cta: { label: 'Read the docs', url: '/docs/api', newTab: true } }),
      entry('dark', 'Dark mode', 2, { cta: { label: 'Show me', tour: 'dark-tour' } }),
      tour,
    ]
    const { engine, ui } = start({ flows })
    engine.show(FEED, 'announcement', { open: true })
    const panel = await waitFor(() => ui().getByRole('dialog', { name: "What's new" }))
    expect(within(panel).getByRole('link', { name: 'Read the docs' }).getAttribute('target')).toBe('_blank')
    fireEvent.click(within(panel).getByRole('button', { name: 'Show me' }))
    await waitFor(() => expect(ui().getByRole('dialog', { name: 'Find the switch' })).toBeTruthy())
    expect(ui().queryByRole('dialog', { name: "What's new" })).toBeNull()
  })
})

describe("the feed's calls to action, recorded per entry", () => {
  const ctaClicks = (fake: ReturnType<typeof start>['fake']) =>
    fake.events.filter(([type, p]) => type === 'flow_step' && p.stepId === 'cta').map(([, p]) => ({ flowId: p.flowId, stepIndex: p.stepIndex, props: p.props }))

  it("following an entry's link or starting its tour is that announcement's CTA click, via the feed; the opening stays the feed's", async () => {
    const tour = { id: 'dark-tour', kind: 'tour', steps: [{ id: 's', title: 'Find the switch' }] }
    const flows = [
      entry('docs', 'API docs', 3, { cta: { label: 'Read the docs', url: '#api', newTab: false } }),
      entry('dark', 'Dark mode', 2, { cta: { label: 'Show me', tour: 'dark-tour' } }),
      entry('plain', 'Plain news', 1),
      tour,
    ]
    const { engine, ui, fake, feedEvents } = start({ flows })
    engine.show(FEED, 'announcement', { open: true })
    const panel = await waitFor(() => ui().getByRole('dialog', { name: "What's new" }))
    // Reading the panel counts no entry: only the feed's opening is recorded.
    expect(fake.events.map(([type, p]) => `${type} ${p.flowId}`)).toEqual([`flow_shown ${FEED}`])
    fireEvent.click(within(panel).getByRole('link', { name: 'Read the docs' }))
    expect(ctaClicks(fake)).toEqual([{ flowId: 'docs', stepIndex: 0, props: { via: 'feed' } }])
    fireEvent.click(within(panel).getByRole('button', { name: 'Show me' }))
    await waitFor(() => expect(ui().getByRole('dialog', { name: 'Find the switch' })).toBeTruthy())
    expect(ctaClicks(fake)).toEqual([
      { flowId: 'docs', stepIndex: 0, props: { via: 'feed' } },
      { flowId: 'dark', stepIndex: 0, props: { via: 'feed' } },
    ])
    // The click came first, then the tour it started.
    expect(fake.events.map(([type, p]) => `${type} ${p.flowId}`).slice(-2)).toEqual(['flow_step dark', 'flow_shown dark-tour'])
    expect(feedEvents()).toEqual(['flow_shown manual'])
    // Nothing about the announcements themselves changed: they were not shown, nor completed.
    expect(fake.events.some(([type, p]) => p.flowId !== FEED && p.flowId !== 'dark-tour' && type !== 'flow_step')).toBe(false)
  })
})

describe("the digest: what's new since your last visit", () => {
  it('lists the feed entries published while the reader was away, newest first, below the body', async () => {
    const store = new Map([['state', JSON.stringify({ flows: {}, milestones: {}, events: {}, times: {}, auto: [], firstSeen: NOW - 90 * DAY, lastSeen: NOW - 30 * DAY, visit: { start: NOW - 30 * DAY } })]])
    const welcomeBack = { id: 'welcome-back', kind: 'announcement', style: 'slideout', title: "What's new since your last visit", digest: true, trigger: { inactiveDays: 14 } }
    const { ui } = start({ flows: [...FLOWS, welcomeBack], store })
    const box = await waitFor(() => ui().getByRole('dialog', { name: "What's new since your last visit" }))
    expect(headings(box)).toEqual(['Dark mode', 'CSV export'])
  })
})

describe('the call to action’s newTab', () => {
  const link = async (url: string, newTab?: boolean) => {
    const flow = { id: `cta-${url.length}-${newTab}`, kind: 'announcement', style: 'modal', title: 'News', trigger: {}, cta: { label: 'Open', url, ...(newTab !== undefined && { newTab }) } }
    const { ui, engine } = start({ flows: [flow] })
    const a = await waitFor(() => ui().getByRole('link', { name: 'Open' }))
    const out = { target: a.getAttribute('target'), rel: a.getAttribute('rel') }
    engine.destroy()
    document.body.replaceChildren()
    return out
  }
  it.each([
    ['/settings', undefined, null], ['https://docs.example.org/x', undefined, '_blank'],
    ['/settings', true, '_blank'], ['https://docs.example.org/x', false, null], ['/settings', false, null],
  ] as const)('%s with newTab %s opens in target %s', async (url, newTab, target) => {
    expect(await link(url, newTab)).toEqual({ target, rel: 'noopener noreferrer' })
  })
})
