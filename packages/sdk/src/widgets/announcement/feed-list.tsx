import type { AnnouncementFlow, FlowEnvelope } from '@cairn/protocol'
import type { FunctionComponent } from 'preact'
import { useContext } from 'preact/hooks'
import { ANNOUNCEMENT_STRINGS } from '../../i18n/announcement-strings.ts'
import { Button, EnvContext, localizeFlow, type WidgetEnv } from '../runtime.ts'
import type { CtaLinkProps } from './cta-link.tsx'
import { isUnread } from './schedule.ts'

/** The feed's announcements (as the engine's `feed()` gives them) in the reader's language. */
export const localizedEntries = (flows: readonly FlowEnvelope[], lang: string): AnnouncementFlow[] =>
  flows.map((f) => localizeFlow(f, lang).flow as unknown as AnnouncementFlow)

export interface FeedListProps {
  /** Entries in the order to show them (already localized). */
  entries: readonly AnnouncementFlow[]
  /** Entries published after this time (ms) are marked as new; undefined marks none. */
  newSince?: number | undefined
  /** Starts an entry's tour call to action; without it, tour CTAs are left out. */
  onTour?: ((tour: string) => void) | undefined
  /** The reader followed an entry's call to action (its link, or its tour just before it starts), by the entry's id. */
  onCta?: ((id: string) => void) | undefined
  /**
   * Draws a URL call to action: the announcement chunk's own `CtaLink`, handed in rather than
   * imported, so this on-demand part does not split it into a chunk of its own. Without it, none.
   */
  Cta?: FunctionComponent<CtaLinkProps> | undefined
}

/**
 * A list of announcements — title (marked "New" when published after `newSince`), body and call to
 * action (a link, or a button that starts the tour) — or "Nothing new yet": the feed's panel and the
 * digest of what shipped while the reader was away.
 */
export function FeedList({ entries, newSince, onTour, onCta, Cta }: FeedListProps) {
  const env = useContext(EnvContext) as WidgetEnv
  if (!entries.length) return <p>{env.t(ANNOUNCEMENT_STRINGS, 'empty')}</p>
  return (
    <ul class="feed">
      {entries.map((a) => <Entry key={a.id} a={a} isNew={newSince !== undefined && isUnread(a, newSince)} onTour={onTour} onCta={onCta} Cta={Cta} />)}
    </ul>
  )
}

function Entry({ a, isNew, onTour, onCta, Cta }: { a: AnnouncementFlow; isNew: boolean } & Pick<FeedListProps, 'onTour' | 'onCta' | 'Cta'>) {
  const env = useContext(EnvContext) as WidgetEnv
  const tour = a.cta && 'tour' in a.cta && onTour ? a.cta : undefined
  return (
    <li>
      <h3>{env.inline(a.title)}{isNew ? <span class="new"> {env.t(ANNOUNCEMENT_STRINGS, 'new')}</span> : null}</h3>
      {env.blocks(a.body)}
      {Cta ? <Cta cta={a.cta} onFollow={onCta && (() => onCta(a.id))} /> : null}
      {tour ? <Button onClick={() => (onCta?.(a.id), onTour?.(tour.tour))}>{env.inline(tour.label)}</Button> : null}
    </li>
  )
}
