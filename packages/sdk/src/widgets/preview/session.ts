import type { Flow } from '@cairn/protocol'
import type { EventInput } from '../../core/engine.ts'
import type { WidgetEvent, WidgetHandle } from '../host/types.ts'

/** What the preview bar shows and the widget is drawn from. */
export type PreviewState = {
  /** The flow's id (as asked for, before its definition has arrived). */
  id: string
  flow: Flow | undefined
  /** The tour step on screen (0 for other kinds). */
  step: number
  /** The language the flow is shown in. */
  locale: string
  /** On screen now: false once the author completed or dismissed it (the bar offers it again). */
  showing: boolean
  /** Why the flow cannot show, or the last problem it reported (`target_missing`, `invalid: $.steps…`). */
  problem: string | undefined
  /** True when the problem means the flow cannot be shown at all. */
  failed: boolean
}

export type SessionDeps = {
  id: string
  locale: string
  /** Puts the flow on screen at `step` in `locale`; every report of the widget goes to `report`. */
  mount(flow: Flow, step: number, locale: string, report: (event: WidgetEvent) => void): Promise<WidgetHandle>
  /** Queues an event (the session flags it `preview`). */
  record(event: EventInput): void
  /** Called once, when the preview is closed. */
  closed(): void
}

export type PreviewSession = {
  readonly state: PreviewState
  /** Calls back with the state now and after each change; returns the function that stops it. */
  listen(listener: (state: PreviewState) => void): () => void
  /** A definition arrived (first, or an edit of the file): drawn again, on the same step when it still has it. */
  show(flow: Flow): void
  /** The flow cannot be read; `final` when nothing can be shown. */
  fail(message: string, final: boolean): void
  /** The tour's next or previous step (`by` +1 or -1), drawn at once. */
  move(by: number): void
  language(locale: string): void
  /** Draws the flow again from where it was, after the author completed or dismissed it. */
  again(): void
  close(): void
}

const stepsOf = (flow: Flow | undefined) => (flow?.kind == 'tour' ? flow.steps.length : 1)

/**
 * One preview: the flow on screen past every rule of the engine (no trigger, audience, frequency,
 * caps or holdout) and kept nowhere — no engine state, no counts, no kept definition. What the widget
 * reports is queued flagged `preview`, which the collector acknowledges and does not store.
 * Stepping, a language or a new definition draws the widget afresh at that step (a tour resumes there).
 */
export function createPreviewSession(deps: SessionDeps): PreviewSession {
  let state: PreviewState = { id: deps.id, flow: undefined, step: 0, locale: deps.locale, showing: false, problem: undefined, failed: false }
  const listeners = new Set<(state: PreviewState) => void>()
  let handle: WidgetHandle | undefined
  let drawn = 0
  let closed = false

  const set = (next: Partial<PreviewState>) => {
    state = { ...state, ...next }
    for (const listener of [...listeners]) listener(state)
  }
  const record = (event: Omit<EventInput, 'flowId'> & { type: EventInput['type'] }) =>
    deps.record({ ...event, flowId: state.id, preview: true } as EventInput)

  const report = (mine: number) => (event: WidgetEvent) => {
    if (mine != drawn || closed) return
    const at = { stepIndex: event.stepIndex, stepId: event.stepId }
    if (event.type == 'step') {
      set({ step: event.stepIndex ?? 0 })
      record({ type: 'flow_step', ...at } as EventInput)
    } else if (event.type == 'answer' && event.answer) {
      record({ type: 'survey_answer', submissionId: `preview-${mine}`, ...event.answer } as EventInput)
    } else if (event.type == 'completed' || event.type == 'dismissed') {
      set({ showing: false })
      record({ type: `flow_${event.type}`, ...at, reason: event.reason } as EventInput)
    } else if (event.type == 'shown') {
      record({ type: 'flow_shown', reason: 'manual' } as EventInput)
    } else {
      const why = `${event.reason ?? 'error'}${event.error ? `: ${String((event.error as Error).message ?? event.error)}` : ''}`
      set({ problem: why, showing: event.type == 'warning' && state.showing })
      record({ type: 'flow_error', ...at, reason: event.reason } as EventInput)
    }
  }

  const draw = () => {
    handle?.close()
    handle = undefined
    const { flow } = state
    if (!flow || closed) return
    const mine = ++drawn
    set({ showing: true, problem: undefined })
    void deps.mount(flow, state.step, state.locale, report(mine)).then((h) => (mine == drawn && !closed ? (handle = h) : h.close()))
  }

  return {
    get state() {
      return state
    },
    listen(listener) {
      listeners.add(listener)
      listener(state)
      return () => void listeners.delete(listener)
    },
    show(flow) {
      set({ flow, failed: false, step: Math.min(state.step, stepsOf(flow) - 1) })
      draw()
    },
    fail: (message, final) => set({ problem: message, failed: final || !state.flow }),
    move(by) {
      const step = Math.max(0, Math.min(stepsOf(state.flow) - 1, state.step + by))
      if (step == state.step && state.showing) return
      set({ step })
      draw()
    },
    language(locale) {
      set({ locale })
      draw()
    },
    again: () => draw(),
    close() {
      if (closed) return
      closed = true
      handle?.close()
      listeners.clear()
      deps.closed()
    },
  }
}
