import { useStore } from '@nanostores/preact'
import { useContext, useEffect, useRef, useState } from 'preact/hooks'
import type { FeedView } from '../../engine/index.ts'
import { EnvContext, useFlowState, type WidgetEnv, type WidgetLive } from '../runtime.ts'
import { waitForTarget } from '@cairn/protocol'
import { Feed } from './feed.tsx'
import { localizedEntries, type FeedListProps } from './feed-list.tsx'

/** How long the feed waits for the page's launcher element to appear, ms. */
const WAIT_MS = 5000

/** The feed's live side: the engine's `feed()` and the options of `showFeed()` / `init({ feed })`. */
export type FeedLive = Pick<WidgetLive, '$state' | 'opts' | 'start'> & Required<Pick<WidgetLive, '$feed'>> & { feed(): FeedView }

/**
 * The feed as the engine shows it: the announcements this user may read (scheduled, targeted — the
 * engine's `feed()`), "last opened" from the feed's own flow state (`shownAt`: this tab, other tabs,
 * other devices through the collector), both followed in the engine's stores (`$state`, and `$feed` for
 * `showFeed({ open: true })`); an opening reported as the step
 * `open`, which the engine records as the feed's `flow_shown`. With a `selector`, the page's element
 * is the launcher; one that does not appear within 5 s is `target_missing`. An entry's tour call to
 * action starts the tour through the engine, as a `show*()` with `force` would. Following an entry's
 * call to action is the step 1 with the entry's id, which the engine records as that announcement's
 * CTA click (`flow_step` `cta`, `props.via: 'feed'`).
 */
export function LiveFeed({ id, live, Cta }: { id: string; live: FeedLive; Cta?: FeedListProps['Cta'] }) {
  const env = useContext(EnvContext) as WidgetEnv
  const box = useRef<HTMLDivElement>(null)
  const selector = (live.opts as { selector?: unknown } | undefined)?.selector
  const opened = useFlowState(live, id, undefined)?.shownAt
  useStore(live.$feed)
  const view = live.feed()
  const [launcher, setLauncher] = useState<Element>()

  useEffect(() => {
    if (typeof selector != 'string') return undefined
    return waitForTarget((box.current as HTMLElement).ownerDocument, selector, WAIT_MS, setLauncher, () => env.emit({ type: 'error', reason: 'target_missing', stepIndex: 0 }))
  }, [])

  return (
    <div ref={box}>
      {typeof selector == 'string' && !launcher ? null : (
        <Feed flows={localizedEntries(view.flows, env.lang)} opened={opened} now={view.now} asked={view.asked} launcher={launcher}
          onOpen={() => env.emit({ type: 'step', stepIndex: 0, stepId: 'open' })} onTour={(tour) => live.start(tour, 'tour')}
          onCta={(id) => env.emit({ type: 'step', stepIndex: 1, stepId: id })} Cta={Cta} />
      )}
    </div>
  )
}
