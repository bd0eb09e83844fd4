import type { AnnouncementFlow } from '@cairn/protocol'
import { useContext, useState } from 'preact/hooks'
import { ANNOUNCEMENT_STRINGS } from '../../i18n/announcement-strings.ts'
import { EnvContext, Surface, type WidgetEnv } from '../runtime.ts'
import { feedEntries, isUnread } from './schedule.ts'

export interface FeedProps {
  /** Announcements (already localized); those with `feed: true` and live at `now` are listed. */
  flows: readonly AnnouncementFlow[]
  /** When the reader last opened the feed (ms), on any device; undefined if never. */
  opened: number | undefined
  now: number
  /** The reader opened the panel: remember `now` as the new "last opened" (the badge clears). */
  onOpen(): void
}

/**
 * The what's-new feed: a launcher button with an unread badge, and a panel listing the feed's
 * announcements newest first, the ones published since the last opening marked as new. Opening it
 * reports `onOpen`; Esc or × closes the panel and gives focus back to the launcher.
 */
export function Feed({ flows, opened, now, onOpen }: FeedProps) {
  const env = useContext(EnvContext) as WidgetEnv
  const [open, setOpen] = useState(false)
  // What was new when the panel opened stays marked while it is open.
  const [seen, setSeen] = useState(opened)
  const [ids] = useState(() => ({ title: env.id('feed') }))
  const entries = feedEntries(flows, now)
  const unread = open ? 0 : entries.filter((a) => isUnread(a, opened)).length
  const title = env.t(ANNOUNCEMENT_STRINGS, 'whatsNew')
  const badge = unread ? env.t(ANNOUNCEMENT_STRINGS, 'unread', { n: unread }) : ''

  const toggle = () => {
    if (!open) {
      setSeen(opened)
      onOpen()
    }
    setOpen(!open)
  }

  return (
    <div class={open ? 'feed-open' : undefined}>
      <button type="button" class="btn launcher" aria-expanded={open ? 'true' : 'false'} onClick={env.guard(toggle)}>
        {title}
        {badge ? <span class="badge"> {badge}</span> : null}
      </button>
      {open ? (
        <Surface placement="corner" focus labelledBy={ids.title} onDismiss={() => setOpen(false)}>
          <h2 id={ids.title} class="title">{title}</h2>
          {entries.length ? (
            <ul class="feed">
              {entries.map((a) => (
                <li key={a.id}>
                  <h3>{env.inline(a.title)}{isUnread(a, seen) ? <span class="new"> {env.t(ANNOUNCEMENT_STRINGS, 'new')}</span> : null}</h3>
                  {env.blocks(a.body)}
                </li>
              ))}
            </ul>
          ) : (
            <p>{env.t(ANNOUNCEMENT_STRINGS, 'empty')}</p>
          )}
        </Surface>
      ) : null}
    </div>
  )
}
