import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Flow } from '@cairn/protocol'
import { flowEngine } from '../../packages/sdk/src/core/flow-engine-adapter.ts'
import { memoryStorage, type Cairn } from '../../packages/sdk/src/index.ts'
import { accepted, settle, setup } from './core/support.ts'

const invite = { id: 'invite', kind: 'announcement', style: 'banner', title: 'Invite', trigger: { milestone: 'project_created' } } as Flow
const clients: Cairn[] = []
afterEach(() => clients.splice(0).forEach((c) => c.destroy()))

/** A client with the real engine (no widgets: nothing renders) and a collector declaring `milestones`. */
function client(storage = memoryStorage(), milestones: unknown = ['invited_teammate']) {
  const listeners = new Set<(key: string | null) => void>()
  const info = vi.fn()
  const fetch = vi.fn(async (url: string | URL | Request) =>
    String(url).includes('/v1/flows') ? Response.json({ flows: [], milestones }) : Response.json({ userId: 'u', flows: {}, milestones: {}, events: {} }))
  const made = setup({
    answer: accepted, storage,
    deps: {
      flows: [invite],
      debug: true,
      loadChunk: () => new Promise(() => {}),
      engine: flowEngine({
        fetch: fetch as typeof globalThis.fetch, url: () => 'https://app.test/', console: { info },
        onStorage(listener) {
          listeners.add(listener)
          return () => void listeners.delete(listener)
        },
      }),
    },
  })
  clients.push(made.sdk)
  const heard: string[] = []
  made.sdk.on('milestone', ({ name }) => heard.push(name))
  const milestoneEvents = async () => {
    await made.sdk.flush()
    return made.events().filter((e) => e.type === 'milestone').map((e) => (e as { name: string }).name)
  }
  const said = () => info.mock.calls.map((c) => String(c[1]))
  return { ...made, heard, milestoneEvents, said, storageEvent: (key: string | null) => listeners.forEach((l) => l(key)) }
}

describe('milestones through the SDK', () => {
  it('sdk.track() of a declared milestone queues one milestone event and tells sdk.on("milestone") once', async () => {
    const { sdk, heard, milestoneEvents } = client()
    await settle()
    sdk.track('project_created')
    sdk.track('project_created')
    sdk.track('invited_teammate')
    sdk.track('other')
    await settle()
    expect(heard).toEqual(['project_created', 'invited_teammate'])
    expect(await milestoneEvents()).toEqual(['project_created', 'invited_teammate'])
  })

  it('a second tab on the same storage does not reach it again, and merges the first tab\'s saves as they happen', async () => {
    const storage = memoryStorage()
    const first = client(storage)
    const second = client(storage)
    await settle()
    first.sdk.track('project_created')
    await settle()
    // Only the engine's own key is merged: the milestone is then known here without any activity.
    const saves = vi.spyOn(storage, 'set')
    second.storageEvent('cairn:v1:pk_test:q:other')
    second.storageEvent('cairn:v1:pk_test:engine:state')
    // Merged, not written back (no echo between tabs), and no decision taken without activity.
    expect(saves).not.toHaveBeenCalled()
    expect(second.said()).not.toContain('invite: now: trigger {"milestone":"project_created"}')
    second.sdk.track('something')
    expect(second.said()).toContain('invite: now: trigger {"milestone":"project_created"}')
    second.sdk.track('project_created')
    await settle()
    expect([...first.heard, ...second.heard]).toEqual(['project_created'])
  })

  it('ignores a collector answer without milestones, or with junk in their place', async () => {
    const { sdk, heard } = client(memoryStorage(), 'junk')
    await settle()
    sdk.track('invited_teammate')
    await settle()
    expect(heard).toEqual([])
  })
})
