import type { AnnouncementFlow } from '@cairn/protocol'
import type { EngineView } from '../engine/deps.ts'
import { FEED_ID, at } from './record.ts'
import type { FeedValue } from './types.ts'

/**
 * `$feed`: the announcements this reader may read now (the engine's `feedFlows`: `feed: true`,
 * published, in their audience, not held out), newest first, each unread when published after the
 * reader last opened the feed (the feed's `shownAt`, on any device) — the order and the badge of the
 * built-in feed.
 * @example feedValue(engine.view()).unread // 2
 */
export function feedValue(view: EngineView): FeedValue {
  const opened = at(view.state.flows, FEED_ID)?.shownAt
  const entries = (view.feed() as AnnouncementFlow[])
    .map((flow, i) => ({ flow, i, publishedAt: Date.parse(flow.publishAt as string) || 0 }))
    .sort((a, b) => b.publishedAt - a.publishedAt || a.i - b.i)
    .map(({ flow, publishedAt }) => ({ id: flow.id, flow, publishedAt, unread: opened === undefined || publishedAt > opened }))
  return { entries, unread: entries.filter((e) => e.unread).length, ...(opened !== undefined && { lastOpened: opened }) }
}
