import { afterEach, describe, expect, it } from 'vitest'
import type { AnnouncementFlow, ChecklistFlow, TourFlow } from '@cairn/protocol'
import { client, settle, until } from './harness.ts'

const checklist: ChecklistFlow = {
  id: 'getting-started', kind: 'checklist', title: 'Get started', trigger: {}, frequency: 'until_completed', headless: true,
  items: [
    { id: 'board', title: 'Create a board', completeOn: { event: 'board_created', count: 2 } },
    { id: 'guide', title: 'Read the guide', action: { url: '/guide' } },
    { id: 'invite', title: 'Invite a teammate', completeOn: { milestone: 'teammate_invited' } },
  ],
}
const tour: TourFlow = { id: 'welcome', kind: 'tour', trigger: { event: { name: 'opened' } }, steps: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] }
const news = (id: string, publishAt: string): AnnouncementFlow => ({ id, kind: 'announcement', style: 'modal', title: id, feed: true, publishAt })

const made: ReturnType<typeof client>[] = []
const page = (...args: Parameters<typeof client>) => {
  const c = client(...args)
  made.push(c)
  return c
}
afterEach(() => {
  for (const c of made.splice(0)) c.sdk.destroy()
  document.body.replaceChildren()
})

describe('sdk.stores', () => {
  it('$user follows identify and reset', async () => {
    const { sdk } = page()
    const $user = sdk.stores.$user
    const seen: unknown[] = []
    $user.listen((v) => seen.push(v.id))
    sdk.identify('u1', { plan: 'pro' })
    expect($user.get()).toMatchObject({ id: 'u1', traits: { plan: 'pro' } })
    sdk.reset()
    expect($user.get().id).toBeUndefined()
    expect(seen).toEqual(['u1', undefined])
  })

  it('a headless checklist is never drawn; $checklist ticks live as the page tracks', async () => {
    const { sdk, said } = page({ flows: [checklist], user: 'u1' })
    const $list = sdk.stores.$checklist('getting-started')
    expect(sdk.stores.$checklist('getting-started')).toBe($list)
    await until(() => expect($list.get()).toMatchObject({ open: true, progress: { done: 0, total: 3 }, minimized: false }))
    expect($list.get()!.items.map((i) => [i.id, i.done, i.manual])).toEqual([['board', false, false], ['guide', false, true], ['invite', false, false]])
    sdk.flows.shown('getting-started')
    await settle()
    sdk.track('board_created')
    expect($list.get()!.progress.done).toBe(0)
    sdk.track('board_created')
    expect($list.get()!.items[0]).toMatchObject({ id: 'board', done: true, doneAt: expect.any(Number) })
    sdk.checklists.tick('getting-started', 'guide')
    await settle()
    expect($list.get()!.progress).toEqual({ done: 2, total: 3 })
    sdk.checklists.minimize('getting-started', true)
    await settle()
    expect($list.get()!.minimized).toBe(true)
    expect(document.querySelector('cairn-root')).toBeNull()
    expect((await said()).map((e) => [e.type, e.stepId])).toEqual([['flow_shown', undefined], ['flow_step', 'board'], ['flow_step', 'guide']])
  })

  it('$flows has every flow with its decision and reason; $active the flow on screen', async () => {
    const { sdk } = page({ flows: [tour], headless: ['tour'] })
    await until(() => expect(sdk.stores.$flows.get()).toEqual([expect.objectContaining({ id: 'welcome', kind: 'tour', verdict: 'never', reason: 'trigger event {"name":"opened"}', headless: true })]))
    expect(sdk.stores.$active.get()).toBeNull()
    sdk.track('opened')
    await until(() => expect(sdk.stores.$active.get()).toEqual({ flowId: 'welcome', kind: 'tour', stepIndex: 0, headless: true }))
    sdk.flows.step('welcome', 1)
    await settle()
    expect(sdk.stores.$active.get()?.stepIndex).toBe(1)
    sdk.flows.complete('welcome')
    await settle()
    expect(sdk.stores.$active.get()).toBeNull()
    expect(sdk.stores.$flows.get()[0]).toMatchObject({ verdict: 'never', reason: 'frequency "once"' })
  })

  it('$feed lists what is new, newest first, unread until markRead(); $milestones the milestones reached', async () => {
    const { sdk, said } = page({ flows: [news('dark', '2020-01-01T00:00:00Z'), news('csv', '2020-02-01T00:00:00Z')], headless: ['announcement'] })
    await until(() => expect(sdk.stores.$feed.get()).toMatchObject({ unread: 2, entries: [{ id: 'csv', unread: true }, { id: 'dark', unread: true }] }))
    sdk.feed.markRead()
    await settle()
    expect(sdk.stores.$feed.get()).toMatchObject({ unread: 0, lastOpened: expect.any(Number), entries: [{ id: 'csv', unread: false }, { id: 'dark', unread: false }] })
    expect(await said()).toEqual([{ type: 'flow_shown', flowId: 'cairn-feed', reason: 'manual' }])
    expect(sdk.stores.$milestones.get()).toEqual({})
  })

  it('is read-only: set() changes nothing and is an sdk_error with a debug explanation', async () => {
    const { sdk, warnings, errors } = page({ flows: [checklist] })
    const $feed = sdk.stores.$feed as unknown as { set(v: unknown): void; get(): unknown }
    $feed.set({ entries: [], unread: 7 })
    await until(() => expect(warnings.flat().join(' ')).toContain('$feed.set(): the stores are read-only'))
    expect(($feed.get() as { unread: number }).unread).toBe(0)
    expect(await errors()).toEqual([{ invalid_call: 1 }])
  })

  it('belongs to one instance: two clients on a page keep their stores apart', () => {
    const a = page()
    const b = page({ deps: { key: 'pk_other' } })
    a.sdk.identify('ann')
    expect(a.sdk.stores.$user.get().id).toBe('ann')
    expect(b.sdk.stores.$user.get().id).toBeUndefined()
    expect(a.sdk.stores.$user).not.toBe(b.sdk.stores.$user)
  })

  it('a page that neither reads the stores nor has headless flows never loads their chunk', async () => {
    const { loads } = page({ flows: [tour] })
    await settle()
    await settle()
    expect(loads).not.toContain('stores')
  })
})
