import type { AnnouncementFlow } from '@cairn/protocol'
import { useContext } from 'preact/hooks'
import { ANNOUNCEMENT_STRINGS } from '../../i18n/announcement-strings.ts'
import { EnvContext, type WidgetEnv } from '../runtime.ts'
import { isUnread } from './schedule.ts'

export interface FeedListProps {
  /** Entries in the order to show them (already localized). */
  entries: readonly AnnouncementFlow[]
  /** Entries published after this time (ms) are marked as new; undefined marks none. */
  newSince?: number | undefined
}

/**
 * A list of announcements — title (marked "New" when published after `newSince`) and body — or
 * "Nothing new yet": the feed's panel and the digest of what shipped while the reader was away.
 */
export function FeedList({ entries, newSince }: FeedListProps) {
  const env = useContext(EnvContext) as WidgetEnv
  if (!entries.length) return <p>{env.t(ANNOUNCEMENT_STRINGS, 'empty')}</p>
  return (
    <ul class="feed">
      {entries.map((a) => (
        <li key={a.id}>
          <h3>{env.inline(a.title)}{newSince !== undefined && isUnread(a, newSince) ? <span class="new"> {env.t(ANNOUNCEMENT_STRINGS, 'new')}</span> : null}</h3>
          {env.blocks(a.body)}
        </li>
      ))}
    </ul>
  )
}
