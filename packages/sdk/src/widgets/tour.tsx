import type { Flow, TourFlow, TourStep } from '@cairn/protocol'
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import { matchUrl } from '../engine/url-pattern.ts'
import { anchor, follow } from './position.ts'
import { Button, COMMON_STRINGS, Surface, type WidgetProps } from './runtime.ts'
import { checkTour } from './tour/check.ts'
import { canGoBack, startTour, stepTour, type TourInput, type TourReport, type TourState } from './tour/machine.ts'
import { Spotlight, type SpotlightProps } from './tour/spotlight.tsx'
import { TOUR_CSS } from './tour/styles.ts'
import { waitForTarget } from './tour/target.ts'
import { usePageUrl } from './tour/use-page-url.ts'

export const css = TOUR_CSS
export const check = (flow: Flow): string | undefined => checkTour(flow)

// The protocol's safe URLs an image may come from (the widget doesn't carry valibot to check them).
const IMAGE_URL = /^(https?:\/\/|\/(?!\/)|\.{1,2}\/)/i
/** How long a step waits for its target by default, ms. */
const WAIT_MS = 5000

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
  const [ids] = useState(() => ({ title: env.id('title'), body: env.id('body') }))
  const [doc, url] = usePageUrl(root)
  const [tour, setTour] = useState<TourState>()
  const [found, setFound] = useState<{ index: number; el: Element }>()
  const [rect, setRect] = useState<SpotlightProps['rect']>()
  const latest = useRef(tour)
  latest.current = tour
  const index = tour?.index ?? 0
  const step = flow.steps[index] as TourStep
  const on = step.advanceOn ?? 'next'
  // The element found for this step only: the one before it must not shape this step's first render
  // (a centered step drawn as anchored would be rebuilt as modal, and the focus moved in would be lost).
  const target = found?.index === index ? found.el : undefined
  const at = (i: number) => ({ stepIndex: i, stepId: (flow.steps[i] as TourStep).id })

  const report = (r: TourReport) => {
    if (r.type === 'step') env.emit({ type: 'step', ...at(r.index) })
    // A paused tour says it with its final `error`; a skipped step is only noted, and the tour goes on.
    else if (r.type === 'missing' && flow.onMissingTarget !== 'pause') env.emit({ type: 'warning', reason: 'target_missing', ...at(r.index) })
    else if (r.type === 'paused') env.emit({ type: 'error', reason: 'target_missing', ...at(r.index) })
    else if (r.type === 'completed') env.end('completed', at(r.index))
    else if (r.type === 'dismissed') env.end('dismissed', { ...at(r.index), reason: r.reason })
  }
  const send = env.guard((input: TourInput) => {
    const now = latest.current
    if (!now || !url) return
    const next = stepTour(flow, now, input, url, matchUrl)
    latest.current = next.state
    setTour(next.state)
    next.reports.forEach(report)
  })

  useLayoutEffect(() => {
    if (!url) return
    if (!latest.current) setTour(startTour(flow, url, via === 'resume' ? state?.step : 0, matchUrl))
    else send({ type: 'page', url })
  }, [url])

  // The step's target: found now, later (it renders late), or never (reported, then skip or pause).
  // Layout effects: the step is placed before the next paint, not a frame or two later.
  useLayoutEffect(() => {
    setFound(undefined)
    setRect(undefined)
    if (!doc || tour?.phase !== 'show' || !step.target) return
    return waitForTarget(doc, step.target, step.waitMs ?? WAIT_MS, (el) => setFound({ index, el }), () => send({ type: 'missing' }))
  }, [doc, index, tour?.phase])

  useLayoutEffect(() => {
    const box = tip.current
    if (!target || !box || !doc) return
    const view = doc.defaultView
    const box2 = target.getBoundingClientRect()
    if (box2.top < 0 || box2.bottom > (view?.innerHeight ?? 0) || box2.left < 0 || box2.right > (view?.innerWidth ?? 0)) {
      const still = view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches
      target.scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: still ? 'auto' : 'smooth' })
    }
    const unfollow = follow(target, box, (r) => setRect({ left: r.left, top: r.top, width: r.width, height: r.height }))
    const unanchor = anchor(target, box, {
      placement: step.placement ?? 'auto',
      dir: env.dir,
      arrow: arrow.current ?? undefined,
      placed: (p) => arrow.current?.setAttribute('data-side', p.split('-')[0] as string),
    })
    // Heard while the click goes down to the target, before the page's own handlers: one that routes
    // elsewhere (or removes the target) must not beat the tour to it.
    const clicked = env.guard((event: Event) => event.composedPath().includes(target) && send({ type: 'click' }))
    if (on === 'click') doc.addEventListener('click', clicked, true)
    return () => {
      unfollow()
      unanchor()
      doc.removeEventListener('click', clicked, true)
    }
  }, [target])

  // A step that waits for a tracked event: counted on from when the step showed (the engine calls back after each).
  const awaited = typeof on == 'object' && tour?.phase === 'show' ? on.event : undefined
  useEffect(() => {
    if (!awaited || !live?.events) return
    const count = live.events
    const before = count(awaited)
    return live.watch(() => count(awaited) > before && send({ type: 'event', name: awaited }))
  }, [awaited, index])

  const total = flow.steps.length
  const progress = step.showProgress !== false && total > 1 ? env.t(COMMON_STRINGS, 'progress', { n: index + 1, total }) : ''
  const visible = tour?.phase === 'show' && (!step.target || !!target)
  useEffect(() => {
    if (visible) env.announce(progress ? `${env.plain(step.title)}. ${progress}` : env.plain(step.title))
  }, [visible, index])

  if (!visible || !tour || !url) return <div ref={root} hidden />
  const skippable = step.skippable !== false
  const back = canGoBack(flow, tour, url, matchUrl)
  const keys = env.guard((event: KeyboardEvent) => {
    const forward = env.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight'
    const backward = env.dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft'
    if (event.key === forward && on === 'next') send({ type: 'next' })
    else if (event.key === backward && back) send({ type: 'back' })
  })
  const last = index === total - 1
  return (
    <div ref={root} class={skippable ? undefined : 'lock'} onKeyDown={keys}>
      {target && rect ? <Spotlight rect={rect} open={on === 'click' ? 'target' : on === 'next' ? 'none' : 'all'} /> : null}
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
