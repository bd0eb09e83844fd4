import type { FlowEnvelope, FlowState } from '@cairn/protocol'

/**
 * A deterministic number in [0, 1) for a string: FNV-1a, then the murmur3 finalizer so that keys
 * differing in one character land far apart. The same key gives the same number on every device.
 * @example bucket('user-42:welcome') // 0.7313…
 */
export function bucket(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32
}

/**
 * Whether a user falls in a share of users for one flow (holdout, survey sampling): `share` of all
 * users do, always the same ones. `salt` keeps draws for different purposes independent.
 * Flow ids cannot contain `:`, so the key is unambiguous.
 * @example inShare('user-42', 'welcome', 0.1) // true for a stable 10% of users
 */
export const inShare = (user: string, flowId: string, share: number, salt = ''): boolean =>
  share > 0 && bucket(`${flowId}:${salt}${user}`) < share

/**
 * Whether the user is held out of a flow: once recorded (`heldOutAt`) for good, else when they fall
 * in its `holdout` share.
 * @example heldOut({ id: 'welcome', kind: 'tour', holdout: 0.1 }, undefined, 'user-42')
 */
export const heldOut = (f: FlowEnvelope, fs: FlowState | undefined, user: string): boolean =>
  !!f.holdout && (fs?.heldOutAt !== undefined || inShare(user, f.id, f.holdout))
