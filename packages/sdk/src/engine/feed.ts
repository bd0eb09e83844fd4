import { FEED_FLOW_ID, type FlowEnvelope } from '@cairn/protocol'
import { heldOut } from './bucket.ts'
import { own } from './own.ts'
import { audienceFails } from './rule.ts'
import { scheduleFails } from './schedule.ts'
import type { FlowUser } from './deps.ts'
import type { EngineState } from './state.ts'

/**
 * The what's-new feed's own flow id, reserved (`validateFlows` refuses a definition of it). The feed
 * is shown through the engine like a flow of this id; each opening — its widget's step 0 — is its
 * `flow_shown`, so its `shownAt` (on this device, another tab or, through the collector's user state,
 * another device) is when the user last opened the feed. Its step 1, named by an entry's id, is that
 * entry's call to action followed in the panel: recorded as the announcement's own CTA click
 * (`flow_step` `cta`) with `props.via: 'feed'`.
 */
export const FEED = FEED_FLOW_ID

/**
 * The feed's definition: an announcement of its own style, which the announcement chunk draws as the
 * launcher and panel (no title: its strings are built in). Its (empty) fa and ar content makes the
 * widget speak the reader's language in those locales, as it does in English: the languages of the
 * built-in strings.
 */
export const FEED_FLOW = { id: FEED, kind: 'announcement', style: 'feed', locales: { fa: {}, ar: {} } } as FlowEnvelope

/**
 * The announcements this user may read in the feed at `now`: `feed: true`, inside their
 * `publishAt`/`expireAt` window, in their audience, and not held out — the targeting of `decide`
 * without the trigger and frequency (reading the feed is the user's own doing). Definition order.
 * @example feedFlows(flows, state, { userId: 'u1', anonymousId: 'a1', traits: { requestedFeatures: ['dark-mode'] } }, Date.now())
 */
export function feedFlows(flows: readonly FlowEnvelope[], s: EngineState, user: FlowUser, now: number): FlowEnvelope[] {
  return flows.filter((f) =>
    f.kind == 'announcement' && (f as { feed?: unknown }).feed === true && !scheduleFails(f, now) &&
    !(f.audience && audienceFails(f.audience, { ...s, traits: user.traits ?? {}, now })) &&
    !heldOut(f, own(s.flows, f.id), user.userId ?? user.anonymousId))
}
