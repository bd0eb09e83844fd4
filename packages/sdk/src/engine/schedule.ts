import type { FlowEnvelope } from '@cairn/protocol'
import type { Block } from './trigger.ts'

/**
 * An announcement outside its `publishAt`/`expireAt` window: not published yet (decided again at
 * `publishAt`) or expired. Other kinds, and announcements without a window, always pass. An
 * unreadable date is no limit (the protocol refuses them; this is only a guard).
 * @example scheduleFails({ id: 'a', kind: 'announcement', publishAt: '2026-12-01T00:00:00Z' }, now) // { why: 'publishAt "2026-12-01T00:00:00Z"', at: … }
 */
export function scheduleFails(f: FlowEnvelope, now: number): Block | undefined {
  if (f.kind != 'announcement') return undefined
  const { publishAt, expireAt } = f as { publishAt?: string; expireAt?: string }
  const start = Date.parse(publishAt as string)
  if (start > now) return { why: `publishAt ${JSON.stringify(publishAt)}`, at: start }
  return Date.parse(expireAt as string) <= now ? { why: `expireAt ${JSON.stringify(expireAt)}` } : undefined
}
