import type { AnnouncementFlow } from '@cairn/protocol'

/** The scheduling fields of an announcement, all a decision here reads. */
export type Scheduled = Pick<AnnouncementFlow, 'id' | 'publishAt' | 'expireAt' | 'feed'>

const time = (iso: string | undefined): number | undefined => {
  const t = iso === undefined ? NaN : Date.parse(iso)
  return Number.isNaN(t) ? undefined : t
}

/**
 * When it was published, ms since the epoch; an announcement without a (readable) `publishAt` has
 * always been published.
 * @example publishedAt({ id: 'a', publishAt: '2026-11-01T00:00:00Z' }) // 1793491200000
 */
export const publishedAt = (a: Scheduled): number => time(a.publishAt) ?? 0

/**
 * On air at `now`: published (`publishAt` ≤ now) and not expired (now < `expireAt`).
 * @example isLive({ id: 'a', expireAt: '2026-12-01T00:00:00Z' }, Date.parse('2026-11-22T00:00:00Z')) // true
 */
export function isLive(a: Scheduled, now: number): boolean {
  const end = time(a.expireAt)
  return publishedAt(a) <= now && (end === undefined || now < end)
}

/**
 * The what's-new feed at `now`: live announcements with `feed: true`, newest first (equal times keep
 * their definition order).
 */
export function feedEntries<A extends Scheduled>(flows: readonly A[], now: number): A[] {
  return flows
    .filter((a) => a.feed === true && isLive(a, now))
    .map((a, i) => [a, i] as const)
    .sort(([a, i], [b, j]) => publishedAt(b) - publishedAt(a) || i - j)
    .map(([a]) => a)
}

/**
 * Whether a feed entry is unread: published after the reader last opened the feed (`opened`, ms), or
 * the feed was never opened.
 */
export const isUnread = (a: Scheduled, opened: number | undefined): boolean => opened === undefined || publishedAt(a) > opened

/** How many of the feed's entries at `now` are unread. */
export const unreadCount = (flows: readonly Scheduled[], opened: number | undefined, now: number): number =>
  feedEntries(flows, now).filter((a) => isUnread(a, opened)).length

/**
 * "What's new since your last visit": the feed entries at `now` published while the reader was away —
 * after `lastSeen` (their last activity before this visit). Newest first.
 * @example digest(flows, Date.parse('2026-10-01T00:00:00Z'), Date.now())
 */
export const digest = <A extends Scheduled>(flows: readonly A[], lastSeen: number, now: number): A[] =>
  feedEntries(flows, now).filter((a) => publishedAt(a) > lastSeen)
