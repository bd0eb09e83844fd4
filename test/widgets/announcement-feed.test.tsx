import { afterEach, describe, expect, it } from 'vitest'
import { fireEvent, waitFor, within } from '@testing-library/preact'
import type { AnnouncementFlow, Flow } from '@cairn/protocol'
import { Feed, type FeedProps } from '../../packages/sdk/src/widgets/announcement/feed.tsx'
import { testRuntime } from './harness.ts'

afterEach(() => {
  document.body.replaceChildren()
})

const NOW = Date.parse('2026-11-22T12:00:00Z')
const entry = (id: string, title: string, publishAt: string, extra: Partial<AnnouncementFlow> = {}): AnnouncementFlow =>
  ({ id, kind: 'announcement', style: 'modal', title, body: `About *${title}*.`, feed: true, publishAt, ...extra })
const flows = [
  entry('boards', 'Shared boards', '2026-10-01T00:00:00Z'),
  entry('dark', 'Dark mode', '2026-11-20T00:00:00Z'),
  entry('later', 'Not yet', '2026-12-01T00:00:00Z'),
  entry('quiet', 'Not in the feed', '2026-11-21T00:00:00Z', { feed: false }),
  entry('export', 'CSV export', '2026-11-10T00:00:00Z'),
]

/** Mounts the feed through the runtime (which gives it an env) as if it were a kind. */
async function showFeed(props: Partial<FeedProps> & { locale?: string } = {}) {
  const opens: number[] = []
  const runtime = testRuntime({ loadChunk: async () => ({ default: () => <Feed flows={flows} opened={undefined} now={NOW} onOpen={() => opens.push(NOW)} {...props} /> }) })
  await runtime.mount('announcement', { id: 'feed', kind: 'announcement', locales: { fa: { title: '' }, ar: { title: '' } } } as unknown as Flow, { emit() {}, locale: props.locale })
  const host = document.querySelector('cairn-root')
  return { ui: within(host?.shadowRoot as unknown as HTMLElement), host, opens }
}

describe("the what's-new feed", () => {
  it('shows the unread count on the launcher; opening lists live feed entries newest first, marks the new ones, clears the badge', async () => {
    const { ui, opens } = await showFeed({ opened: Date.parse('2026-11-01T00:00:00Z') })
    const launcher = ui.getByRole('button', { name: "What's new 2 new" })
    fireEvent.click(launcher)
    expect(opens).toEqual([NOW])
    expect(launcher.getAttribute('aria-expanded')).toBe('true')
    expect(launcher.textContent).toBe("What's new")
    const panel = ui.getByRole('dialog', { name: "What's new" })
    expect(within(panel).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Dark mode New', 'CSV export New', 'Shared boards'])
    fireEvent.keyDown(panel, { key: 'Escape' })
    expect(ui.queryByRole('dialog')).toBeNull()
  })

  it('has no badge when everything was seen, and says so when there is nothing', async () => {
    const { ui } = await showFeed({ opened: NOW })
    expect(ui.getByRole('button', { name: "What's new" })).toBeTruthy()
    document.body.replaceChildren()
    const empty = await showFeed({ flows: [] })
    fireEvent.click(empty.ui.getByRole('button', { name: "What's new" }))
    expect(empty.ui.getByText('Nothing new yet')).toBeTruthy()
  })

  it('speaks Persian with Persian digits, right to left', async () => {
    const { ui, host } = await showFeed({ locale: 'fa' })
    expect(ui.getByRole('button', { name: 'تازه‌ها ۳ مورد تازه' })).toBeTruthy()
    await waitFor(() => expect(host?.shadowRoot?.querySelector('.root')?.getAttribute('dir')).toBe('rtl'))
  })
})
