import { LIMITS, check, eventSchema } from '@cairn/protocol'
import type { BatchResult } from '@cairn/protocol'
import type { StoredEvent } from '../storage/projections.ts'
import { reasonOf } from './reason.ts'
import { sanitize, TooDeepError } from './sanitize.ts'
import { MAX_TIME, serverTime } from './server-time.ts'
import { verifyIdentity } from './identity-hash.ts'
import { oldestKept } from '../expiry/keep-window.ts'

export type Rejection = BatchResult['rejected'][number]
export type CheckedEvents = { valid: StoredEvent[]; rejected: Rejection[] }
export type CheckContext = { sentAt: number; receivedAt: number; identitySecret?: string | undefined; keepEventsDays?: number | undefined }

const LOOKS_LIKE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const encoder = new TextEncoder()

/** The id to name a rejected event by: only something shaped like a UUID, never arbitrary input. */
function idOf(raw: unknown): string | null {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined
  return typeof id === 'string' && LOOKS_LIKE_ID.test(id) ? id.toLowerCase() : null
}

function checkOne(raw: unknown, ctx: CheckContext): StoredEvent | string {
  let clean: unknown
  try {
    clean = sanitize(raw)
  } catch (error) {
    if (error instanceof TooDeepError) return error.message
    throw error
  }
  if (encoder.encode(JSON.stringify(clean)).byteLength > LIMITS.eventBytes) {
    return `the event is larger than ${LIMITS.eventBytes / 1024} KB`
  }
  const result = check(eventSchema, clean)
  if (!result.ok) return reasonOf(result.problems)
  const event = result.value
  if (event.ts > MAX_TIME) return '$.ts: must be an epoch time in milliseconds'
  if (event.type === 'identify' && ctx.identitySecret !== undefined && !verifyIdentity(ctx.identitySecret, event.userId, event.hash)) {
    return '$.hash: identity verification is on: identify needs hash = hex HMAC-SHA256(identity secret, userId)'
  }
  const ts = serverTime(event.ts, ctx.sentAt, ctx.receivedAt)
  // Stored, it would be deleted at the next expiry pass; and it may be a retry of one already deleted.
  if (ctx.keepEventsDays !== undefined && ts < oldestKept(ctx.receivedAt, ctx.keepEventsDays)) {
    return `$.ts: older than this project keeps events (keepEventsDays: ${ctx.keepEventsDays})`
  }
  return { event, ts }
}

/**
 * Checks the events of a batch one by one: each is sanitized, bounded, validated against the
 * protocol and (for identify, when verification is on) its identity hash; a bad event is rejected
 * alone with a reason and the others go on.
 */
export function checkEvents(events: readonly unknown[], ctx: CheckContext): CheckedEvents {
  const out: CheckedEvents = { valid: [], rejected: [] }
  for (const raw of events) {
    const verdict = checkOne(raw, ctx)
    if (typeof verdict === 'string') out.rejected.push({ id: idOf(raw), reason: verdict })
    else out.valid.push(verdict)
  }
  return out
}
