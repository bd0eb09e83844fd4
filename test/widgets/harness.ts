import { matchUrl, type Flow, type FlowKind } from '@cairn/protocol'
import { within } from '@testing-library/preact'
import { createRuntime } from '../../packages/sdk/src/widgets/runtime.ts'
import type { MountContext, RuntimeOptions, WidgetEvent, WidgetHandle, WidgetRuntime } from '../../packages/sdk/src/widgets/runtime.ts'

const KINDS: Record<FlowKind, () => Promise<unknown>> = {
  tour: () => import('../../packages/sdk/src/widgets/tour.tsx'),
  survey: () => import('../../packages/sdk/src/widgets/survey.tsx'),
  checklist: () => import('../../packages/sdk/src/widgets/checklist.tsx'),
  announcement: () => import('../../packages/sdk/src/widgets/announcement.tsx'),
}

/** What a test sees after showing a flow: the lifecycle reports, the host element and queries inside its shadow root. */
export interface Shown {
  runtime: WidgetRuntime
  handle: WidgetHandle
  events: WidgetEvent[]
  host: HTMLElement | null
  ui: ReturnType<typeof within>
}

/** Loads a kind's chunk from its source module (happy-dom can't import by URL). */
export const loadSourceChunk = (name: string): Promise<unknown> => KINDS[name as FlowKind]()

/** A runtime whose kind chunks are the source modules. */
export function testRuntime(options: Partial<RuntimeOptions> = {}): WidgetRuntime {
  return createRuntime({ base: 'https://cdn.test/cairn/', loadChunk: loadSourceChunk, matchUrl, ...options })
}

/** Shows `flow` through a fresh runtime and records its lifecycle reports. */
export async function show(flow: Flow, ctx: Partial<MountContext> = {}, options: Partial<RuntimeOptions> = {}): Promise<Shown> {
  const events: WidgetEvent[] = []
  const runtime = testRuntime(options)
  const handle = await runtime.mount(flow.kind, flow, { emit: (event) => events.push(event), ...ctx })
  const hosts = document.querySelectorAll<HTMLElement>('cairn-root')
  const host = hosts[hosts.length - 1] ?? null
  return { runtime, handle, events, host, ui: within((host?.shadowRoot ?? document.body) as unknown as HTMLElement) }
}

/** Event types in order, with step details, for compact assertions. */
export function summary(events: readonly WidgetEvent[]): string[] {
  return events.map((e) => [e.type, e.stepIndex, e.stepId, e.reason].filter((part) => part !== undefined).join(':'))
}
