import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { FLOW_EVENT_TYPES, LIMITS } from '@cairn/protocol'
import { openStorage, type Storage } from '@cairn/collector'
import { sanitize } from '../../packages/collector/src/ingest/sanitize.ts'
import { testApp } from './helpers/app.ts'
import { newId } from './helpers/events.ts'

const text = (max: number, unit: 'grapheme' | 'binary' = 'grapheme') => fc.string({ minLength: 1, maxLength: max, unit })
const json = fc.jsonValue({ maxDepth: 3 })
const props = fc.dictionary(fc.string({ maxLength: 12 }), json, { maxKeys: 6 })

/** Any valid event of any type, strings from all of Unicode (`binary`: with NUL and lone surrogates). */
function validEvent(unit: 'grapheme' | 'binary') {
  const id = text(40, unit)
  const common = {
    ts: fc.integer({ min: 0, max: 4_000_000_000_000 }),
    anonymousId: id,
    userId: id,
    sessionId: id,
    url: fc.webUrl(),
    locale: fc.constantFrom('en', 'fa', 'ar-EG'),
    props,
  }
  const required = ['ts', 'anonymousId', 'type'] as const
  const flow = { ...common, flowId: id, flowVersion: fc.integer({ min: 0, max: 1e9 }) }
  return fc.oneof(
    fc.record({ ...common, type: fc.constant('track'), name: text(50, unit) }, { requiredKeys: [...required, 'name'] }),
    fc.record({ ...common, type: fc.constant('identify'), traits: props, hash: fc.stringMatching(/^[0-9a-f]{64}$/) }, { requiredKeys: [...required, 'userId'] }),
    fc.record({
      ...flow, type: fc.constantFrom(...FLOW_EVENT_TYPES), stepIndex: fc.nat(1000), stepId: id, reason: text(50, unit),
    }, { requiredKeys: [...required, 'flowId'] }),
    fc.record({
      ...flow, type: fc.constant('survey_answer'), submissionId: id, questionId: id,
      answer: fc.oneof(fc.integer({ min: -10, max: 10 }), fc.double({ noNaN: true, noDefaultInfinity: true }), text(100, unit), fc.array(text(20, unit), { maxLength: 5 }), fc.constant(null)),
      other: text(100, unit), final: fc.boolean(),
    }, { requiredKeys: [...required, 'flowId', 'submissionId', 'questionId', 'answer'] }),
    fc.record({ ...common, type: fc.constant('milestone'), name: text(50, unit) }, { requiredKeys: [...required, 'name'] }),
  )
}

/** Fresh ids on every run: fast-check replays values while shrinking, and a replay must not be a duplicate. */
const withIds = <T extends object>(events: T[]) => events.map((e) => ({ ...e, id: newId() }))

describe('properties of POST /v1/batch', () => {
  let storage: Storage
  let t: ReturnType<typeof testApp>
  beforeAll(async () => {
    storage = await openStorage({ dataDir: 'memory://' })
    t = testApp({ storage })
  }, 60_000)
  afterAll(() => storage?.close(), 30_000)

  const storedData = async (ids: string[]) => {
    const rows = await storage.query<{ data: Record<string, unknown> }>(
      'SELECT data FROM events WHERE project_id = $1 AND event_id = ANY($2::uuid[]) ORDER BY event_id', ['test', ids])
    return rows.map((r) => r.data)
  }
  /**
   * What the collector keeps of an event: its JSON (no -0), without the identity hash, and without
   * the keys valibot's record() drops from props and traits against prototype pollution.
   */
  const asStored = (e: object) => {
    const { hash: _, ...rest } = JSON.parse(JSON.stringify(e)) as Record<string, unknown>
    for (const bag of [rest.props, rest.traits] as (Record<string, unknown> | undefined)[]) {
      for (const key of ['__proto__', 'prototype', 'constructor']) if (bag) delete bag[key]
    }
    return rest
  }
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1)

  it('random valid batches round-trip: accepted once, stored as sent', async () => {
    await fc.assert(fc.asyncProperty(fc.array(validEvent('grapheme'), { minLength: 1, maxLength: 30 }), async (generated) => {
      const events = withIds(generated)
      const body = { v: 1, key: 'pk_test', sentAt: Date.now(), events }
      const res = await t.post(body)
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ accepted: events.length, duplicates: 0, rejected: [] })
      const again = await t.post(body)
      expect(await again.json()).toEqual({ accepted: 0, duplicates: events.length, rejected: [] })
      expect(await storedData(events.map((e) => e.id))).toEqual([...events].sort(byId).map(asStored))
    }), { numRuns: 40 })
  })

  it('strings from all of Unicode are stored sanitized, never failing the batch', async () => {
    await fc.assert(fc.asyncProperty(fc.array(validEvent('binary'), { minLength: 1, maxLength: 10 }), async (generated) => {
      const events = withIds(generated)
      const res = await t.post({ v: 1, key: 'pk_test', sentAt: Date.now(), events })
      expect(await res.json()).toMatchObject({ accepted: events.length, rejected: [] })
      const expected = [...events].sort(byId).map((e) => asStored(sanitize(e) as object))
      expect(await storedData(events.map((e) => e.id))).toEqual(expected)
    }), { numRuns: 40 })
  })

  it('random garbage never gets a 5xx, and every answer is JSON', async () => {
    const envelope = fc.record({
      v: fc.oneof(fc.constant(1), json),
      key: fc.oneof(fc.constant('pk_test'), fc.string()),
      sentAt: fc.oneof(fc.nat(), fc.constantFrom(8.64e15, 9e15, 1e300, -1, 0.5)),
      events: fc.oneof(
        fc.array(fc.oneof(json, validEvent('binary').map((e) => ({ ...e, id: newId() })), validEvent('grapheme').map((e) => ({ ...e, id: newId(), ts: 1e300 }))), { maxLength: 20 }),
        json,
      ),
    }, { requiredKeys: [] })
    const garbage = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      json.map((j) => JSON.stringify(j)),
      envelope.map((e) => JSON.stringify(e)),
      fc.uint8Array({ maxLength: 300 }),
    )
    const contentType = fc.constantFrom('application/json', 'text/plain', 'application/octet-stream', '')
    await fc.assert(fc.asyncProperty(garbage, contentType, async (body, type) => {
      const res = await t.app.request('/v1/batch', { method: 'POST', body, headers: type ? { 'content-type': type } : {} })
      expect(res.status).toBeLessThan(500)
      expect(res.headers.get('content-type')).toMatch(/^application\/json/)
      const answer = await res.json()
      if (res.status === 200) expect(answer.accepted + answer.duplicates + answer.rejected.length).toBeLessThanOrEqual(LIMITS.batchEvents)
      else expect(Object.keys(answer).sort()).toEqual(['details', 'error'])
    }), { numRuns: 300 })
  })

  it('random paths, keys and hashes on the GET routes never get a 5xx', async () => {
    const part = fc.string({ unit: 'binary', maxLength: 140 })
    await fc.assert(fc.asyncProperty(part, fc.oneof(fc.constantFrom('pk_test', 'sk_test', 'pk_locked'), part), part, async (id, key, hash) => {
      const q = `key=${encodeURIComponent(key)}&hash=${encodeURIComponent(hash)}`
      for (const path of [`/v1/users/${encodeURIComponent(id)}/state?${q}`, `/v1/flows?${q}`, `/v1/${encodeURIComponent(id)}`]) {
        const res = await t.app.request(path)
        expect(res.status).toBeLessThan(500)
      }
    }), { numRuns: 200 })
  })
})
