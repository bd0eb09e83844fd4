import { render } from 'preact'
import type { Flow } from '@cairn/protocol'
import type { EngineHost } from '../core/engine.ts'
import { direction, resolveLocale } from '../i18n/locale.ts'
import { createHostRoot } from './host/host-root.ts'
import { PreviewBar } from './preview/bar.tsx'
import { previewDefinition } from './preview/definition.ts'
import { createPreviewSession, type PreviewSession } from './preview/session.ts'
import { watchFlow } from './preview/source.ts'
import { PREVIEW_CSS } from './preview/styles.ts'
import { createRuntime } from './runtime.ts'

/** What the `preview` chunk exports, as the engine calls it. */
export type PreviewModule = { preview(host: EngineHost, flow: unknown, read?: typeof fetch): PreviewSession | undefined }

/** The preview open for each SDK instance: a new one replaces it. */
const open = new WeakMap<EngineHost, PreviewSession>()

/**
 * The `preview` chunk: shows one flow for its author, by id or definition, past every rule of the
 * engine, under the "Preview · not recorded" bar (see `preview/session.ts`). An id is looked up in
 * `init({ flows })`, else read from the collector (`GET /v1/flows/:id`, allowed from the project's
 * `previewOrigins`) and read again every half second while the preview is open, so an edit of the
 * flow file shows at once. A problem — an unknown id, a refused origin, an invalid definition — is
 * said in the bar and reported as `sdk_error` (`preview`), in debug mode with the reason.
 * `read`: the engine's own fetch (a seam for tests).
 * @example preview(host, 'welcome-tour')
 */
export function preview(host: EngineHost, flow: unknown, read: typeof fetch = (url, init) => fetch(url, init)): PreviewSession | undefined {
  const { options, endpoint } = host
  const doc = globalThis.document
  const id = typeof flow == 'string' ? flow : String((flow as { id?: unknown } | null)?.id ?? '')
  if (!id) return void host.fail('preview', 'preview(): a flow id or definition with an id')
  open.get(host)?.close()
  const root = createHostRoot(doc, options)
  root.style('preview', PREVIEW_CSS)
  const runtime = createRuntime({
    host: root, loadChunk: (name) => host.loadChunk(name), theme: options.theme, nonce: options.nonce, debug: options.debug,
    contentLocale: options.contentLocale, user: host.user,
    // Every step of a tour shows on this page: the author steps through all of them here.
    matchUrl: () => true,
  })
  const bar = root.container('en', 'ltr')
  let stop = () => {}
  const session = createPreviewSession({
    id,
    locale: resolveLocale([options.locale, doc.documentElement.lang, ...(doc.defaultView?.navigator.languages ?? [])]),
    record: (event) => host.record(event),
    mount: (shown, step, locale, report) => runtime.mount(shown.kind, shown, {
      // No live side: the engine does not know this showing, so nothing ticks, nothing is remembered
      // and a checklist item's tour does not start (preview that tour by its id).
      locale, user: host.user(), state: { shownCount: 0, step }, via: step ? 'resume' : 'manual', emit: report,
    }),
    closed() {
      stop()
      runtime.destroy()
      if (open.get(host) === session) open.delete(host)
    },
  })
  open.set(host, session)
  root.attach()
  session.listen((state) => {
    bar.lang = state.locale
    bar.dir = direction(state.locale)
    render(<PreviewBar state={state} session={session} />, bar)
  })
  const fail = (why: string, final: boolean) => {
    session.fail(why, final)
    host.fail('preview', `preview("${id}"): ${why}`)
  }
  const take = (value: unknown) => {
    const checked = previewDefinition(value)
    if (typeof checked == 'string') fail(checked, true)
    else session.show(checked)
  }
  const inline = typeof flow == 'string' ? (Array.isArray(options.flows) ? (options.flows as Flow[]).find((f) => f?.id === flow) : undefined) : flow
  if (inline) take(inline)
  else if (endpoint) {
    stop = watchFlow({
      fetch: read, endpoint, key: options.key, id,
      setTimeout: (run, ms) => host.clock.setTimeout(run, ms), onFlow: take, onError: fail,
    })
  } else fail('no such flow in init({ flows }), and no endpoint to ask', true)
  return session
}
