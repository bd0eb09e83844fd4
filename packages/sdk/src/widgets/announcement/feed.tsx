import type { AnnouncementFlow } from '@cairn/protocol'
import { useContext, useEffect, useRef, useState } from 'preact/hooks'
import { ANNOUNCEMENT_STRINGS } from '../../i18n/announcement-strings.ts'
import { EnvContext, Surface, type WidgetEnv } from '../runtime.ts'
import { FeedList, type FeedListProps } from './feed-list.tsx'
import { feedEntries, isUnread } from './schedule.ts'

export interface FeedProps {
  /** Announcements (already localized); those with `feed: true` and live at `now` are listed. */
  flows: readonly AnnouncementFlow[]
  /** When the reader last opened the feed (ms), on any device; undefined if never. */
  opened: number | undefined
  now: number
  /** The reader opened the panel: remember `now` as the new "last opened" (the badge clears). */
  onOpen(): void
  /** Starts an entry's tour (the panel closes first); without it, tour calls to action are left out. */
  onTour?: ((tour: string) => void) | undefined
  /** The reader followed an entry's call to action (see {@link FeedListProps.onCta}). */
  onCta?: FeedListProps['onCta']
  /** Draws an entry's URL call to action (see {@link FeedListProps.Cta}). */
  Cta?: FeedListProps['Cta']
  /** How many times the page asked for the panel (`sdk.showFeed()`): it opens each time this grows. @default 0 */
  asked?: number | undefined
  /**
   * The page's own element that opens the feed (`init({ feed: { selector } })`), instead of the
   * floating launcher: its clicks toggle the panel, and it carries `aria-expanded` and
   * `data-cairn-unread` (the count, absent at zero) for the page to style a badge with.
   */
  launcher?: Element | undefined
}

/**
 * The what's-new feed: a launcher button with an unread badge (or the page's own element), and a
 * panel listing the feed's announcements newest first, the ones published since the last opening
 * marked as new. Opening it reports `onOpen`; Esc or × closes the panel and gives focus back to the
 * launcher. The unread count is said through the live region when it changes.
 */
export function Feed({ flows, opened, now, onOpen, onTour, onCta, Cta, asked = 0, launcher }: FeedProps) {
  const env = useContext(EnvContext) as WidgetEnv
  const [open, setOpen] = useState(false)
  // What was new when the panel opened stays marked while it is open.
  const [seen, setSeen] = useState(opened)
  const [handled, setHandled] = useState(0)
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
  // The page's element calls the toggle of the latest render.
  const latest = useRef(toggle)
  latest.current = toggle

  useEffect(() => {
    if (asked > handled) {
      setHandled(asked)
      if (!open) toggle()
    }
  }, [asked])
  useEffect(() => void (badge && env.announce(`${title}: ${badge}`)), [badge])
  useEffect(() => {
    if (!launcher) return
    const click = env.guard(() => latest.current())
    launcher.addEventListener('click', click)
    return () => launcher.removeEventListener('click', click)
  }, [launcher])
  useEffect(() => {
    if (!launcher) return
    launcher.setAttribute('aria-expanded', String(open))
    if (unread) launcher.setAttribute('data-cairn-unread', env.num(unread))
    else launcher.removeAttribute('data-cairn-unread')
  }, [launcher, open, unread])

  return (
    <div class={open && !launcher ? 'feed-open' : undefined}>
      {launcher ? null : (
        <button type="button" class="btn launcher" aria-expanded={open ? 'true' : 'false'} onClick={env.guard(toggle)}>
          {title}
          {badge ? <span class="badge"> {badge}</span> : null}
        </button>
      )}
      {open ? (
        <Surface placement="corner" focus labelledBy={ids.title} onDismiss={() => setOpen(false)}>
          <h2 id={ids.title} class="title">{title}</h2>
          <FeedList entries={entries} newSince={seen ?? -Infinity} onTour={onTour && ((tour) => (setOpen(false), onTour(tour)))}
            onCta={onCta} Cta={Cta} />
        </Surface>
      ) : null}
    </div>
  )
}
