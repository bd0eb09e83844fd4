import { h, render, type FunctionComponent } from 'preact'
import type { Flow } from '@cairn/protocol'
import { direction } from '../../i18n/locale.ts'
import { localizeFlow } from '../../i18n/localize-flow.ts'
import type { MountContext, WidgetEnv, WidgetEvent, WidgetHandle, WidgetProps } from './types.ts'
import { Boundary } from './boundary.ts'
import { createEnv, EnvContext } from './env.ts'
import type { HostRoot } from './host-root.ts'

/** One widget to put on screen. */
export interface RenderRequest {
  host: HostRoot
  Widget: FunctionComponent<WidgetProps>
  flow: Flow
  /** The reader's locale, already resolved. */
  locale: string
  /** The language of a flow that declares none (`init({ contentLocale })`); else inferred from its text. */
  contentLocale?: string | undefined
  page: string
  matchUrl: WidgetEnv['matchUrl']
  ctx: MountContext
  /** Called once the widget is gone, however it went. */
  onGone(): void
}

/**
 * Renders one widget into its own container in the host's shadow root and reports its lifecycle:
 * `shown` once it is on screen, then whatever the widget reports, until `completed`, `dismissed` or
 * `error` (after which it is removed and reports nothing more). A throw while rendering, in an
 * effect or in a guarded handler becomes `error` with reason `render_failed`.
 */
export function renderWidget(request: RenderRequest): WidgetHandle {
  const { host, ctx } = request
  const { flow, lang } = localizeFlow(request.flow, request.locale, request.contentLocale)
  const container = host.container(lang, direction(lang))
  let open = true
  const teardown = () => {
    render(null, container)
    container.remove()
    request.onGone()
  }
  const close = () => {
    if (!open) return
    open = false
    teardown()
  }
  // Called while preact is still diffing: report now, take the DOM down once it has finished.
  const fail = (reason: string, error: unknown) => {
    if (!open) return
    open = false
    ctx.emit({ type: 'error', reason, error })
    void Promise.resolve().then(teardown)
  }
  const emit = (event: WidgetEvent) => {
    if (open) ctx.emit(event)
  }
  const env = createEnv({
    lang,
    host,
    user: ctx.user,
    page: request.page,
    matchUrl: request.matchUrl,
    emit,
    end(type, detail) {
      emit({ ...detail, type })
      close()
    },
    fail,
  })
  try {
    render(
      h(
        EnvContext.Provider,
        { value: env },
        h(Boundary, { onError: (error) => fail('render_failed', error) }, h(request.Widget, { flow, env, state: ctx.state, via: ctx.via, live: ctx.live })),
      ),
      container,
    )
  } catch (error) {
    fail('render_failed', error)
  }
  emit({ type: 'shown' })
  return { close }
}
