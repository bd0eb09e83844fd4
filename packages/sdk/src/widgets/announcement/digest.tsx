import { useContext } from 'preact/hooks'
import { EnvContext, type WidgetEnv } from '../runtime.ts'
import { FeedList, localizedEntries, type FeedListProps } from './feed-list.tsx'
import type { FeedLive } from './live-feed.tsx'
import { digest } from './schedule.ts'

/**
 * "What's new since your last visit" (`digest: true`): the feed's entries this reader may read that
 * were published after their last activity before this visit, newest first.
 */
export function Digest({ live, Cta }: { live: Pick<FeedLive, 'feed'>; Cta?: FeedListProps['Cta'] }) {
  const env = useContext(EnvContext) as WidgetEnv
  const view = live.feed()
  return <FeedList entries={digest(localizedEntries(view.flows, env.lang), view.away ?? 0, view.now)} Cta={Cta} />
}
