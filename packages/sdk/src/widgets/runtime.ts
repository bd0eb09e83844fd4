import type { FunctionComponent } from 'preact'
import { resolveLocale } from '../i18n/locale.ts'
import { createHostRoot, type HostRoot } from './host/host-root.ts'
import { renderWidget } from './host/render-widget.ts'
import { importChunk, loadKind } from './host/load-chunk.ts'
import { warmUp } from './host/warm-up.ts'
import { problemProps } from './host/problem.ts'
import type { Flow } from '@cairn/protocol'
import type { MountContext, RuntimeOptions, WidgetEvent, WidgetHandle, WidgetModule, WidgetProps, WidgetRuntime } from './host/types.ts'

export type * from './host/types.ts'
export { chunkUrl } from './host/load-chunk.ts'
// The widget kit: kind chunks import it from here, so the build keeps it in this one chunk with preact.
export { EnvContext } from './host/env.ts'
export { useFlowState } from './host/live-state.ts'
export { Surface, type Placement, type SurfaceProps } from './ui/surface.tsx'
export { Button, type ButtonProps } from './ui/button.tsx'
export { COMMON_STRINGS } from '../i18n/common-strings.ts'
export { checkPages } from './host/check-pages.ts'
export { localizeFlow } from '../i18n/localize-flow.ts'

const NOTHING: WidgetHandle = { close() {} }

// A page that loaded this chunk is about to show a widget: what its first show would pay once, it
// pays now, while idle.
warmUp()

/**
 * The widget runtime of one SDK instance — the first widget chunk a page loads (preact, the host,
 * shared UI). It adds one `<cairn-root>` element with an open shadow root to `<body>` the first time
 * a widget shows, and loads each widget kind's chunk from `base` when a flow of that kind first shows.
 * Nothing it does can throw into the host page: failures are `error` events.
 * @example
 * const runtime = createRuntime({ base: 'https://cdn.example/cairn/', locale: 'fa', theme: { accent: '#0a7' } })
 * const handle = await runtime.mount('tour', flow, { user: { id: 'u1', traits: { firstName: 'Sara' } }, emit: console.log })
 * handle.close()
 */
export function createRuntime(options: RuntimeOptions): WidgetRuntime {
  const doc = options.document ?? globalThis.document
  // Chunks sit next to this one: a relative URL against the runtime chunk's own URL finds them.
  const loadChunk = options.loadChunk ?? importChunk(options.base ?? import.meta.url)
  const open = new Set<WidgetHandle>()
  let host: HostRoot | undefined = options.host
  let destroyed = false

  const reporter = (ctx: MountContext) => (event: WidgetEvent) => {
    if (options.debug && event.type === 'error') console.warn(`[cairn] widget error: ${event.reason}`, event.error)
    try {
      ctx.emit(event)
    } catch (error) {
      if (options.debug) console.warn('[cairn] a widget event listener threw', error)
    }
  }

  const runtime: WidgetRuntime = {
    async mount(kind, flow, ctx) {
      const emit = reporter(ctx)
      let module: WidgetModule
      try {
        module = await loadKind(kind, loadChunk)
      } catch (error) {
        emit({ type: 'error', reason: 'chunk_failed', error })
        return NOTHING
      }
      if (destroyed) return NOTHING
      try {
        const problem = module.check?.(flow)
        if (problem) {
          emit({ type: 'error', reason: 'invalid', error: problem })
          return NOTHING
        }
        host ??= createHostRoot(doc, options)
        host.attach()
        if (module.css) host.style(kind, module.css)
        const languages = doc.defaultView?.navigator.languages ?? []
        const handle: WidgetHandle = renderWidget({
          host,
          Widget: module.default as FunctionComponent<WidgetProps>,
          flow,
          locale: resolveLocale([ctx.locale, options.locale, doc.documentElement.lang, ...languages]),
          contentLocale: options.contentLocale,
          page: doc.location?.href ?? 'about:blank',
          matchUrl: options.matchUrl,
          ctx: { ...ctx, emit },
          onGone: () => open.delete(handle),
        })
        open.add(handle)
        return handle
      } catch (error) {
        emit({ type: 'error', reason: 'render_failed', error })
        return NOTHING
      }
    },
    render(flow, controls) {
      return runtime.mount(flow.kind, flow as Flow, {
        user: options.user?.(),
        state: controls.state,
        via: controls.via,
        live: controls,
        emit(event) {
          if (event.type === 'step') controls.step(event.stepIndex ?? 0, event.stepId)
          else if (event.type === 'answer') event.answer && controls.answer(event.answer)
          else if (event.type === 'completed') controls.complete()
          else if (event.type === 'dismissed') controls.dismiss(event.stepIndex, event.reason)
          else if (event.type === 'warning') controls.error(event.reason ?? 'warning', event.stepIndex)
          else if (event.type === 'error') {
            controls.error(event.reason ?? 'render_failed', event.stepIndex, event.reason == 'invalid' ? problemProps(event.error) : undefined)
            controls.close()
          }
        },
      })
    },
    destroy() {
      destroyed = true
      for (const handle of [...open]) handle.close()
      host?.remove()
    },
  }
  return runtime
}
