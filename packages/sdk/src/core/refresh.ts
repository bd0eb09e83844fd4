/** Least time between two reads of the user's state when the page comes back (focus, visible). */
export const REFRESH_MS = 30_000

/**
 * Whether a page that became visible again or regained focus reads the user's state anew, so that
 * what the user did on another device meanwhile (a tick, a completion) shows here: never while the
 * page is hidden, and at most once every {@link REFRESH_MS} since the last read (`last`, epoch ms;
 * `undefined`: never read). Pure.
 * @example refreshDue(61_000, 30_000, false) // true
 */
export const refreshDue = (now: number, last: number | undefined, hidden: boolean): boolean =>
  !hidden && !(now - (last as number) < REFRESH_MS)
