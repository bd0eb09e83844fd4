import { findTarget, waitForTarget, type Flow, type TourFlow, type TourStep } from '@cairn/protocol'
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import { anchor } from './position.ts'
import { Button, COMMON_STRINGS, Surface, type WidgetProps } from './runtime.ts'
import { checkTour } from './tour/check.ts'
import { canGoBack, startTour, stepTour, type TourInput, type TourReport, type TourState } from './tour/machine.ts'
import { drawSpotlight, Spotlight, type SpotlightOpen } from './tour/spotlight.tsx'
import { TOUR_CSS } from './tour/styles.ts'
import { watchPageUrl } from './tour/watch-page-url.ts'

export const css = TOUR_CSS
export const check = (flow: Flow): string | undefined => checkTour(flow)

// The protocol's safe URLs an image may come from (the widget doesn't carry valibot to check them).
const IMAGE_URL = /^(https?:\/\/|\/(?!\/)|\.{1,2}\/)/i
/** How long a step waits for its target by default, ms. */
const WAIT_MS = 5000

/** The page's URL, where the tour is, and the element its step points at (once found). */
type View = { url: string; tour: TourState; el: Element | undefined }

/**
 * The tour: each step anchored to its target (or a centered modal without one) over a spotlight,
 * moved on by Next, a click on the target or a tracked event, across pages. Resumes on the step
 * reached (`state.step`) after a reload; a target that never appears is reported `target_missing`,
 * then skipped or the tour pauses — never counted as a dismissal.
 */
export default function Tour({ flow, env, state, via, live }: WidgetProps<TourFlow>) {
  const root = useRef<HTMLDivElement>(null)
  const tip = useRef<HTMLDivElement>(null)
  const arrow = useRef<HTMLDivElement>(null)
  const spot = useRef<HTMLDivElement>(null)
  const [ids] = useState(() => ({ title: env.id('title'), body: env.id('body') }))
  // One state for the URL, the tour and the target: a step shows in one render, not one per piece.
  const [view, setView] = useState<View>()
  const latest = useRef(view)
  latest.current = view
  const tour = view?.tour
  const url = view?.url
  const index = tour?.index ?? 0
  const step = flow.steps[index] as TourStep
  const on = step.advanceOn ?? 'next'
  const target = view?.el
  const open: SpotlightOpen = on === 'click' ? 'target' : on === 'next' ? 'none' : 'all'
  const at = (i: number) => ({ stepIndex: i, stepId: (flow.steps[i] as TourStep).id })

  const report = (r: TourReport) => {
    if (r.type === 'step') env.emit({ type: 'step', ...at(r.index) })
    // A paused tour says it with its final `error`; a skipped step is only noted, and the tour goes on.
    else if (r.type === 'missing' && flow.onMissingTarget !== 'pause') env.emit({ type: 'warning', reason: 'target_missing', ...at(r.index) })
    else if (r.type === 'paused') env.emit({ type: 'error', reason: 'target_missing', ...at(r.index) })
    else if (r.type === 'completed') env.end('completed', at(r.index))
    else if (r.type === 'dismissed') env.end('dismissed', { ...at(r.index), reason: r.reason })
  }
  const commit = (next: View) => {
    latest.current = next
    setView(next)
  }
  const send = env.guard((input: TourInput) => {
    const now = latest.current
    if (!now) return
    const to = input.type === 'page' ? input.url : now.url
    const next = stepTour(flow, now.tour, input, to, env.matchUrl)
    // A later step looks for its target after its render: the page may still be drawing what moved
    // the tour on (a click or an event before the app adds the new `li:last-child`).
    commit({ url: to, tour: next.state, el: next.state === now.tour ? now.el : undefined })
    next.reports.forEach(report)
  })

  useLayoutEffect(() => {
    const found = root.current?.ownerDocument
    const view = found?.defaultView
    if (!found || !view) return
    const read = () => {
      const now = latest.current
      const href = found.location.href
      if (now) return href !== now.url && send({ type: 'page', url: href })
      const first = startTour(flow, href, via === 'resume' ? state?.step : 0, env.matchUrl)
      // The first step's target, when already in the page, comes with it: one render, not two.
      const selector = (flow.steps[first.index] as TourStep).target
      commit({ url: href, tour: first, el: first.phase === 'show' && selector ? findTarget(found, selector) : undefined })
    }
    read()
    return watchPageUrl(view, read)
  }, [])

  // A target not in the page yet: waited for (it renders late), or never there (reported, then skip or pause).
  const waiting = tour?.phase === 'show' && !target ? step.target : undefined
  useLayoutEffect(() => {
    const page = root.current?.ownerDocument
    if (!waiting || !page) return
    // Cancelled when the tour moves: a target found is this step's.
    const found = (el: Element) => commit({ ...(latest.current as View), el })
    return waitForTarget(page, waiting, step.waitMs ?? WAIT_MS, found, () => send({ type: 'missing' }))
  }, [tour, waiting])

  // Layout effect: the step is placed before the next paint, not a frame or two later.
  useLayoutEffect(() => {
    const box = tip.current
    const page = target?.ownerDocument
    const view = page?.defaultView
    if (!box || !page || !view) return
    // Reads before writes: the target's box and the reader's motion preference, then the scroll.
    const rect = target.getBoundingClientRect()
    if (rect.top < 0 || rect.bottom > view.innerHeight || rect.left < 0 || rect.right > view.innerWidth) {
      const still = view.matchMedia?.('(prefers-reduced-motion: reduce)').matches
      target.scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: still ? 'auto' : 'smooth' })
    }
    const unanchor = anchor(target, box, {
      placement: step.placement ?? 'auto',
      dir: env.dir,
      arrow: arrow.current ?? undefined,
      placed: (_, r) => spot.current && drawSpotlight(spot.current, r, open),
    })
    // Heard while the click goes down to the target, before the page's own handlers: one that routes
    // elsewhere (or removes the target) must not beat the tour to it.
    const clicked = env.guard((event: Event) => event.composedPath().includes(target) && send({ type: 'click' }))
    if (on === 'click') page.addEventListener('click', clicked, true)
    return () => {
      unanchor()
      page.removeEventListener('click', clicked, true)
    }
  }, [target, index])

  // A step that waits for a tracked event: counted on from when the step showed (the engine's state tells after each).
  const awaited = typeof on == 'object' && tour?.phase === 'show' ? on.event : undefined
  useEffect(() => {
    if (!awaited || !live?.events) return
    const count = live.events
    const before = count(awaited)
    return live.$state.listen(() => count(awaited) > before && send({ type: 'event', name: awaited }))
  }, [awaited, index])

  const total = flow.steps.length
  const progress = step.showProgress !== false && total > 1 ? env.t(COMMON_STRINGS, 'progress', { n: index + 1, total }) : ''
  const visible = tour?.phase === 'show' && (!step.target || !!target)
  useEffect(() => {
    if (visible) env.announce(progress ? `${env.plain(step.title)}. ${progress}` : env.plain(step.title))
  }, [visible, index])

  if (!visible || !tour || !url) return <div ref={root} hidden />
  const skippable = step.skippable !== false
  const back = canGoBack(flow, tour, url, env.matchUrl)
  const keys = env.guard((event: KeyboardEvent) => {
    const forward = env.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight'
    const backward = env.dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft'
    if (event.key === forward && on === 'next') send({ type: 'next' })
    else if (event.key === backward && back) send({ type: 'back' })
  })
  const last = index === total - 1
  return (
    <div ref={root} class={skippable ? undefined : 'lock'} onKeyDown={keys}>
      {target ? <Spotlight box={spot} open={open} /> : null}
      <div ref={tip} class={target ? 'tip' : undefined}>
        <Surface
          key={index}
          placement={target ? 'corner' : 'center'}
          modal={!target}
          focus
          labelledBy={ids.title}
          describedBy={step.body ? ids.body : undefined}
          onDismiss={(reason) => skippable && send({ type: 'close', reason })}
        >
          {step.media && IMAGE_URL.test(step.media.src) ? <img class="media" src={step.media.src} alt={step.media.alt} /> : null}
          <h2 id={ids.title} class="title">{env.inline(step.title)}</h2>
          {step.body ? <div id={ids.body} class="body">{env.blocks(step.body)}</div> : null}
          <div class="actions">
            {progress ? <span class="progress">{progress}</span> : null}
            {back ? <Button key="back" onClick={() => send({ type: 'back' })}>{env.t(COMMON_STRINGS, 'back')}</Button> : null}
            {on === 'next' ? (
              <Button key="next" primary autofocus onClick={() => send({ type: 'next' })}>
                {env.t(COMMON_STRINGS, last ? 'done' : 'next')}
              </Button>
            ) : null}
          </div>
        </Surface>
        {target ? <div ref={arrow} class="arrow" /> : null}
      </div>
    </div>
  )
}
