import type { FlowEnvelope } from '@cairn/protocol'
import { own } from './own.ts'
import { resumes } from './resume.ts'
import { touch, type EngineState } from './state.ts'

/** Most definitions kept for flows in progress; past it the oldest goes. */
export const LIVE_FLOWS = 8
/** Longest definition kept, in JSON characters: a bigger one resumes only where the page hands it over. */
export const LIVE_CHARS = 20_000

/**
 * The definitions kept (in storage, as `live`) for flows in progress that the collector did not
 * publish — handed to `show*()` or inline in `init` — so that a reload or the next page resumes
 * them without the page handing them over again. `flow` joins them (newest last, replacing its
 * earlier copy) without its trigger: a kept definition only ever resumes. Bounded by
 * {@link LIVE_FLOWS} and {@link LIVE_CHARS}.
 * @example keepLive([], { id: 'welcome', kind: 'tour', steps: [...] }) // [{ id: 'welcome', kind: 'tour', steps: [...] }]
 */
export function keepLive(list: readonly FlowEnvelope[], flow: FlowEnvelope): FlowEnvelope[] {
  const rest = dropLive(list, flow.id)
  const kept = { ...flow, trigger: undefined }
  return JSON.stringify(kept).length > LIVE_CHARS ? rest : [...rest, kept].slice(-LIVE_FLOWS)
}

/** The list without flow `id` (it ended: completed, dismissed, put off). */
export const dropLive = (list: readonly FlowEnvelope[], id: string): FlowEnvelope[] => list.filter((f) => f.id != id)

/**
 * Those of the kept definitions that are still in progress at `now` (see `resumes`), in the visit
 * that activity at `now` continues or starts: what a page loaded now may resume.
 */
export const liveFlows = (list: readonly FlowEnvelope[], s: EngineState, now: number): FlowEnvelope[] =>
  list.filter((f) => resumes(f, own(s.flows, f.id), now, touch(s, now).visit!.start))
