import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { AnnouncementFlow, ChecklistFlow, Flow, SurveyFlow, TourFlow } from '@cairn/protocol'
import { bucket } from '../../packages/sdk/src/engine/index.ts'
import { chromiumAvailable } from './harness/chromium.ts'
import { uniqueUser, until } from './harness/stack.ts'
import { heard, useFlowsFixture, violations, watchedPage } from './flows-harness.ts'

type Locale = 'en' | 'fa' | 'ar'

const tour: TourFlow = {
  id: 'welcome', kind: 'tour', priority: 20, trigger: { url: '/app/projects/*' },
  steps: [{ id: 'hello', title: 'Welcome to Acme Projects', body: 'A short tour.' }, { id: 'boards', title: 'Your boards' }],
  locales: {
    fa: { steps: [{ title: 'به Acme Projects خوش آمدید' }, { title: 'بوردهای شما' }] },
    ar: { steps: [{ title: 'مرحبًا بك في Acme Projects' }, { title: 'لوحاتك' }] },
  },
}
const survey: SurveyFlow = {
  id: 'nps', kind: 'survey', priority: 10, trigger: { event: { name: 'report_exported', count: 2 } },
  questions: [{ id: 'score', type: 'nps', prompt: 'How likely are you to recommend us?' }],
  locales: { fa: { questions: [{ prompt: 'چقدر احتمال دارد ما را معرفی کنید؟' }] }, ar: { questions: [{ prompt: 'ما مدى احتمال أن توصي بنا؟' }] } },
}
const checklist: ChecklistFlow = {
  id: 'getting-started', kind: 'checklist', trigger: { url: '/app/projects/**' }, title: 'Get started',
  items: [{ id: 'project', title: 'Create a project', completeOn: { event: 'project_created' } }],
  locales: { fa: { title: 'شروع کنید', items: [{ title: 'یک پروژه بسازید' }] }, ar: { title: 'ابدأ', items: [{ title: 'أنشئ مشروعًا' }] } },
}
const announcement: AnnouncementFlow = {
  id: 'whats-new', kind: 'announcement', style: 'modal', trigger: { url: '/app/projects/*', delayMs: 1000 },
  title: 'Dark mode is here', body: 'Switch it on in *Settings*.',
  locales: { fa: { title: 'حالت تاریک آمد' }, ar: { title: 'الوضع الداكن هنا' } },
}
const holdout: AnnouncementFlow = {
  id: 'holdout-banner', kind: 'announcement', style: 'banner', holdout: 0.5, trigger: { url: '/app/holdout' }, title: 'Try the board view',
}
const PUBLISHED: Flow[] = [tour, survey, checklist, announcement, holdout]
/** What the SPA page passes to `init({ flows })` with `?inline`: one broken definition, one good. */
const INLINE = [
  { id: 'broken', kind: 'tour', trigger: { url: 42 }, steps: [] },
  { id: 'inline-banner', kind: 'announcement', style: 'banner', title: 'Inline news', trigger: { url: '/app/inline' } },
]

const TITLES: Record<Locale, { tour: string; survey: string; checklist: string; announcement: string }> = {
  en: { tour: 'Welcome to Acme Projects', survey: 'How likely are you to recommend us?', checklist: 'Get started', announcement: 'Dark mode is here' },
  fa: { tour: 'به Acme Projects خوش آمدید', survey: 'چقدر احتمال دارد ما را معرفی کنید؟', checklist: 'شروع کنید', announcement: 'حالت تاریک آمد' },
  ar: { tour: 'مرحبًا بك في Acme Projects', survey: 'ما مدى احتمال أن توصي بنا؟', checklist: 'ابدأ', announcement: 'الوضع الداكن هنا' },
}

/** Names of the dialogs and regions in the widget host (Playwright's locators pierce the open shadow root). */
async function onScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('cairn-root')?.shadowRoot
    return [...(root?.querySelectorAll('[role="dialog"],[role="region"]') ?? [])]
      .map((box) => root?.getElementById(box.getAttribute('aria-labelledby') ?? '')?.textContent ?? '')
  })
}

const widget = (page: Page, name: string) => page.locator('cairn-root').getByRole('dialog', { name, exact: true })

describe.skipIf(!chromiumAvailable())('flows scheduled by the engine and rendered through the widget host, in real Chromium', () => {
  const fixture = useFlowsFixture(PUBLISHED, INLINE)

  beforeAll(async () => {
    const answer = (await (await fetch(`${fixture.collector.url}/v1/flows?key=sk_flows`)).json()) as { flows: Flow[]; errors?: unknown[] }
    expect(answer.errors ?? []).toEqual([])
    expect(answer.flows.map((f) => f.id).sort()).toEqual(PUBLISHED.map((f) => f.id).sort())
  })

  it.each(['en', 'fa', 'ar'] as const)(
    'in %s, under a strict CSP with Trusted Types: each kind by its trigger (URL, event after N, delay), one modal at a time, events stored',
    async (locale) => {
      const user = uniqueUser(`kinds-${locale}`)
      const t = TITLES[locale]
      const context = await fixture.context()
      const { page, watched } = await watchedPage(context)
      await page.goto(`/app/projects/1?user=${user}&locale=${locale}`)

      // URL triggers: the tour (modal) and the checklist beside it.
      await widget(page, t.tour).waitFor()
      await widget(page, t.checklist).waitFor()
      const direction = await widget(page, t.tour).evaluate((box) => box.closest('[dir]')?.getAttribute('dir'))
      expect(direction).toBe(locale === 'en' ? 'ltr' : 'rtl')

      // The event trigger (2 × report_exported) and the delay (1 s) are due, but a modal is on screen: they wait.
      await page.evaluate(() => {
        const sdk = (window as unknown as { cairn: { track(name: string): void } }).cairn
        sdk.track('report_exported')
        sdk.track('report_exported')
      })
      await page.waitForTimeout(1500)
      expect((await onScreen(page)).sort()).toEqual([t.checklist, t.tour].sort())

      // Closing each modal lets the next in: the survey (priority 10), then the announcement.
      for (const [title, next] of [[t.tour, t.survey], [t.survey, t.announcement], [t.announcement, undefined]] as const) {
        await widget(page, title).locator('button.close').click()
        if (next) await widget(page, next).waitFor()
        else await until('the last modal to leave', async () => (await onScreen(page)).length === 1)
        expect(await onScreen(page)).toEqual(next ? expect.arrayContaining([t.checklist, next]) : [t.checklist])
        expect((await onScreen(page)).length).toBeLessThanOrEqual(2)
      }

      const modal = (await heard(page)).filter((line) => !line.includes('getting-started'))
      expect(modal).toEqual([
        'flow:shown welcome auto', 'flow:dismissed welcome close',
        'flow:shown nps auto', 'flow:dismissed nps close',
        'flow:shown whats-new auto', 'flow:dismissed whats-new close',
      ])
      expect(await heard(page)).toContain('flow:shown getting-started auto')
      expect(await violations(page, watched)).toEqual([])
      expect(watched.errors).toEqual([])

      // The lifecycle reached the collector: read back through GET /v1/users/:id/state.
      await page.evaluate(() => (window as unknown as { cairn: { flush(): Promise<void> } }).cairn.flush())
      const state = await until('the flow events in the collector', async () => {
        const s = await fixture.userState(user)
        return s.flows['whats-new']?.dismissedAt !== undefined && s
      })
      for (const id of ['welcome', 'nps', 'whats-new']) {
        expect(state.flows[id], id).toMatchObject({ shownCount: 1, dismissedAt: expect.any(Number) })
      }
      expect(state.flows['getting-started']).toMatchObject({ shownCount: 1 })
      expect(state.events['report_exported']).toBe(2)
      await context.close()
    },
  )

  it('reads flows from GET /v1/flows; on reload the browser revalidates their ETag (a 304) and what was shown stays shown', async () => {
    const user = uniqueUser('etag')
    const context = await fixture.context()
    const { page } = await watchedPage(context)
    const reads = () => fixture.exchanges.filter((e) => e.path === '/v1/flows').length
    const before = reads()
    await page.goto(`/app/projects/1?user=${user}`)
    await widget(page, TITLES.en.tour).locator('button.close').click()
    await page.reload()
    await widget(page, TITLES.en.checklist).waitFor()
    // First visit: cairn.js asks whether there are flows at all (200) and hands that answer to the
    // engine, which does not ask again. The reload knows from its cache that there are: only the
    // engine's read, a revalidation (304).
    await until('the second read of the flows', () => reads() === before + 2)
    await page.waitForTimeout(300)
    expect(reads(), 'no read of the flows beyond the two').toBe(before + 2)
    const [first, ...later] = fixture.exchanges.filter((e) => e.path === '/v1/flows').slice(before)
    expect(first).toMatchObject({ method: 'GET', status: 200 })
    const cached = await page.evaluate(() => JSON.parse(localStorage.getItem('cairn:v1:pk_flows:engine:flows') ?? '{}') as { etag?: string })
    expect(cached.etag).toMatch(/^"[\w-]+"$/)
    for (const read of later) expect(read).toMatchObject({ method: 'GET', ifNoneMatch: cached.etag, status: 304 })
    // Shown once (the default frequency) and dismissed: the tour does not come back after the reload.
    await page.waitForTimeout(500)
    expect(await onScreen(page)).not.toContain(TITLES.en.tour)
    await context.close()
  })

  it('a held-out user sees nothing and the collector stores flow_held_out; a user outside the holdout sees the flow', async () => {
    const users = Array.from({ length: 40 }, (_, i) => uniqueUser(`holdout-${i}`))
    const out = users.find((u) => bucket(`holdout-banner:${u}`) < 0.5)!
    const inside = users.find((u) => bucket(`holdout-banner:${u}`) >= 0.5)!
    const context = await fixture.context()
    const { page } = await watchedPage(context)

    await page.goto(`/app/holdout?user=${inside}`)
    await page.locator('cairn-root').getByRole('region', { name: 'Try the board view' }).waitFor()

    await page.goto(`/app/holdout?user=${out}`)
    await until('flow:held_out', async () => (await heard(page)).includes('flow:held_out holdout-banner'))
    await page.waitForTimeout(300)
    expect(await onScreen(page)).toEqual([])
    await page.evaluate(() => (window as unknown as { cairn: { flush(): Promise<void> } }).cairn.flush())
    const state = await until('the holdout in the collector', async () => {
      const s = await fixture.userState(out)
      return s.flows['holdout-banner']?.heldOutAt !== undefined && s
    })
    expect(state.flows['holdout-banner']).toMatchObject({ shownCount: 0, heldOutAt: expect.any(Number) })
    await context.close()
  })

  it('an invalid flow is a flow:error with the path and the reason, and the other flows still show', async () => {
    const context = await fixture.context()
    const { page, watched } = await watchedPage(context)
    await page.goto(`/app/inline?inline&user=${uniqueUser('inline')}`)
    await page.locator('cairn-root').getByRole('region', { name: 'Inline news' }).waitFor()
    // The kind's own fields are checked by its chunk: a tour without steps.
    await page.evaluate(() => (window as unknown as { cairn: { showTour(f: unknown): void } }).cairn.showTour({ id: 'empty-tour', kind: 'tour', steps: [] }))
    await until('the widget check to refuse the tour', async () => (await heard(page)).includes('flow:error empty-tour invalid'))
    const errors = await page.evaluate(() =>
      (window as unknown as { __events: { event: string; flowId: string; props?: unknown }[] }).__events.filter((e) => e.event === 'flow:error'))
    expect(errors[0]).toMatchObject({ flowId: 'broken', reason: 'invalid', props: { path: '$.trigger.url' } })
    expect(await heard(page)).toContain('flow:shown inline-banner auto')
    expect(await onScreen(page)).toEqual(['Inline news'])
    expect(await violations(page, watched)).toEqual([])
    expect(watched.errors).toEqual([])
    await context.close()
  })

  it('?cairn_debug=1 prints why each flow did or did not show', async () => {
    const context = await fixture.context()
    const { page, watched } = await watchedPage(context)
    await page.goto(`/app/projects/2?user=${uniqueUser('debug')}&cairn_debug=1`)
    await widget(page, TITLES.en.tour).waitFor()
    const lines = watched.console.filter((line) => line.startsWith('[cairn] '))
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^\[cairn\] welcome: now: /),
      expect.stringMatching(/^\[cairn\] getting-started: now: /),
      expect.stringMatching(/^\[cairn\] holdout-banner: never: trigger .*\/app\/holdout/),
      expect.stringMatching(/^\[cairn\] nps: never: trigger .*report_exported/),
      expect.stringMatching(/^\[cairn\] whats-new: later at /),
    ]))
    await context.close()
  })

  it.each([
    ['with the Navigation API', false],
    ['without it (patched history)', true],
  ])('SPA navigations re-evaluate URL triggers: history.pushState, %s', async (_, hideNavigationApi) => {
    const context = await fixture.context()
    const { page, watched } = await watchedPage(context)
    if (hideNavigationApi) await page.addInitScript(() => Object.defineProperty(window, 'navigation', { value: undefined, configurable: true }))
    await page.goto(`/app/home?user=${uniqueUser('spa')}`)
    await page.waitForFunction(() => Array.isArray((window as unknown as { __events?: unknown }).__events))
    await page.waitForTimeout(300)
    expect(await onScreen(page)).toEqual([])
    const patched = await page.evaluate(() => Object.hasOwn(history, 'pushState'))
    expect(patched).toBe(hideNavigationApi)

    await page.evaluate(() => history.pushState({ route: 'project' }, '', '/app/projects/9'))
    await widget(page, TITLES.en.tour).waitFor()
    await widget(page, TITLES.en.checklist).waitFor()
    // The page's own history state is untouched by the SDK.
    expect(await page.evaluate(() => history.state as unknown)).toEqual({ route: 'project' })
    expect(watched.errors).toEqual([])
    await context.close()
  })
})
