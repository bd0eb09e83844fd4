import type { Context } from 'hono'
import { LIMITS, batchSchema, check } from '@cairn/protocol'
import type { BatchResult } from '@cairn/protocol'
import type { AppContext } from '../app-context.ts'
import { fail } from '../http/errors.ts'
import { readBody } from '../http/read-body.ts'
import { checkEvents } from '../ingest/check-events.ts'
import { reasonOf } from '../ingest/reason.ts'
import { cleanString } from '../ingest/sanitize.ts'
import { MAX_TIME } from '../ingest/server-time.ts'

const decoder = new TextDecoder()
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

/**
 * `POST /v1/batch`: stores the valid events of a batch, once each, and answers
 * `{ accepted, duplicates, rejected }` after the write committed. A preview's events (`preview: true`)
 * count as accepted and are not stored. Any Content-Type (beacons send text/plain).
 */
export function batchRoute(ctx: AppContext) {
  return async (c: Context) => {
    const encoding = c.req.header('content-encoding')
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
      return fail(c, 415, 'unsupported_encoding', 'send the batch uncompressed')
    }
    const headerKey = c.req.header('x-cairn-key')
    // With the key in a header, refuse before reading the body.
    const early = headerKey === undefined ? undefined : ctx.gate(c, headerKey, 'ingest')
    if (early instanceof Response) return early

    const body = await readBody(c.req.raw, LIMITS.batchBytes)
    if (!body.ok) {
      return body.reason === 'too_large'
        ? fail(c, 413, 'body_too_large', `the body is larger than ${LIMITS.batchBytes / 1024} KB; send smaller batches`, { Connection: 'close' })
        : fail(c, 400, 'body_unreadable', 'the request body could not be read')
    }
    let json: unknown
    try {
      json = JSON.parse(decoder.decode(body.bytes))
    } catch {
      return fail(c, 400, 'invalid_json', 'the body is not valid JSON')
    }
    if (!isObject(json)) return fail(c, 400, 'invalid_batch', '$: must be an object { v, sentAt, events }')
    // The key before the shape: a sender with a wrong or secret key hears that first, whatever else is off.
    const bodyKey = typeof json.key === 'string' ? cleanString(json.key) : undefined
    if (headerKey !== undefined && bodyKey !== undefined && bodyKey !== headerKey) {
      return fail(c, 400, 'key_mismatch', 'the key in the body and the X-Cairn-Key header differ')
    }
    const match = early ?? ctx.gate(c, bodyKey, 'ingest')
    if (match instanceof Response) return match
    if (Array.isArray(json.events) && json.events.length > LIMITS.batchEvents) {
      return fail(c, 413, 'too_many_events', `a batch holds at most ${LIMITS.batchEvents} events; split it`)
    }
    const envelope = check(batchSchema, { ...json, key: bodyKey ?? json.key })
    if (!envelope.ok) return fail(c, 400, 'invalid_batch', reasonOf(envelope.problems))
    const batch = envelope.value
    if (batch.sentAt > MAX_TIME) return fail(c, 400, 'invalid_batch', '$.sentAt: must be an epoch time in milliseconds')

    const receivedAt = ctx.now()
    const { valid, rejected } = checkEvents(batch.events, {
      sentAt: batch.sentAt,
      receivedAt,
      identitySecret: match.project.identitySecret,
      keepEventsDays: match.project.keepEventsDays,
    })
    // A preview's events are acknowledged, never stored: no result, export or user state can count them.
    const kept = valid.filter(({ event }) => !('preview' in event && event.preview))
    let stored = { accepted: valid.length - kept.length, duplicates: 0 }
    if (kept.length > 0) {
      try {
        const written = await ctx.storage.ingest(match.project.id, kept, receivedAt)
        stored = { ...written, accepted: written.accepted + stored.accepted }
      } catch (error) {
        ctx.log(`Cairn collector: storage write failed (${(error as Error).message}); answering 503`)
        return fail(c, 503, 'storage_unavailable', 'storage is unavailable; nothing was stored, retry later', { 'Retry-After': ctx.retryAfter })
      }
    }
    return c.json<BatchResult>({ ...stored, rejected })
  }
}
