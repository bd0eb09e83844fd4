import { vi } from 'vitest'
import type { Flow } from '@cairn/protocol'
import { flowEngine } from '../../../packages/sdk/src/core/flow-engine-adapter.ts'
import { loadNpmChunk } from '../../../packages/sdk/src/loader/npm-chunks.ts'
import { atom } from 'nanostores'
import { storeHubFactory } from '../../../packages/sdk/src/stores/hub.ts'
import type { ClientDeps, KeyValueStorage } from '../../../packages/sdk/src/index.ts'
import { accepted, settle, setup } from '../core/support.ts'

export { settle }

/** Waits until `check` stops throwing (the engine and its store side load as chunks). */
export const until = (check: () => void) => vi.waitFor(check, { timeout: 3000, interval: 5 })

const PAGE = 'https://app.example.com/projects/1'

/** Fields of a recorded event that do not depend on who drew the flow (no ids, times or page). */
export type Said = { type: string; flowId?: string; stepIndex?: number; stepId?: string; reason?: string; questionId?: string; answer?: unknown; other?: string; final?: boolean; submissionId?: string }

/**
 * A client on twins with the real engine, its store side and the real widget chunks (from source),
 * as `init()` from npm wires them; the collector's reads answer no flows and no user state.
 */
export function client(options: { flows?: Flow[]; headless?: ClientDeps['headless']; storage?: KeyValueStorage; user?: string; deps?: Partial<ClientDeps> } = {}) {
  const loads: string[] = []
  const fetch = vi.fn(async (url: string | URL | Request) =>
    String(url).includes('/state') ? new Response('{"flows":{},"milestones":{},"events":{}}') : new Response('{"flows":[]}')) as typeof globalThis.fetch
  const factory = flowEngine({ fetch, url: () => PAGE })
  const made = setup({
    answer: accepted,
    ...(options.storage && { storage: options.storage }),
    deps: {
      flows: options.flows ?? [],
      ...(options.headless !== undefined && { headless: options.headless }),
      ...(options.user && { user: { id: options.user } }),
      loadChunk: (name) => (loads.push(name), loadNpmChunk(name)),
      engine: factory,
      stores: storeHubFactory(atom),
      debug: true,
      ...options.deps,
    },
  })
  /** What the collector received, without ids, times and pages: for comparing two ways of drawing a flow. */
  const said = async (): Promise<Said[]> => {
    await settle()
    await made.sdk.flush()
    return made.events().filter((e) => e.type != 'track' && e.type != 'identify').map((e) => {
      const { id: _i, ts: _t, anonymousId: _a, userId: _u, url: _p, locale: _l, sentAt: _s, ...rest } = e as Record<string, unknown>
      return rest as Said
    })
  }
  /** The `sdk_error` counts sent so far, by code. */
  const errors = async () => {
    await made.sdk.flush()
    return made.events().filter((e) => e.type == 'track' && (e as { name: string }).name == 'sdk_error').map((e) => (e as { props: unknown }).props)
  }
  return { ...made, loads, said, errors }
}
