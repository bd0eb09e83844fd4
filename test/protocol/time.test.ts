import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { check, parseIsoTime, timestampSchema } from '@cairn/protocol'

describe('parseIsoTime', () => {
  it.each([
    ['2026-12-03T06:51:47.445Z', Date.UTC(2026, 11, 3, 6, 51, 47, 445)],
    ['2026-12-03T06:51:47Z', Date.UTC(2026, 11, 3, 6, 51, 47)],
    ['2026-12-03t06:51:47z', Date.UTC(2026, 11, 3, 6, 51, 47)],
    ['2026-12-03T08:51:47.445+02:00', Date.UTC(2026, 11, 3, 6, 51, 47, 445)],
    ['2026-12-03T02:21:47-04:30', Date.UTC(2026, 11, 3, 6, 51, 47)],
    ['2026-12-03T06:51:47.4Z', Date.UTC(2026, 11, 3, 6, 51, 47, 400)],
    ['2026-12-03T06:51:47.445999999Z', Date.UTC(2026, 11, 3, 6, 51, 47, 445)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('%s is %d', (text, ms) => {
    expect(parseIsoTime(text)).toBe(ms)
  })

  it.each([
    ['no zone: the instant would depend on the collector', '2026-12-03T06:51:47'],
    ['a date alone', '2026-12-03'],
    ['a space instead of T', '2026-12-03 06:51:47Z'],
    ['February 30', '2026-02-30T00:00:00Z'],
    ['February 29 of a common year', '2026-02-29T00:00:00Z'],
    ['month 13', '2026-13-03T06:51:47Z'],
    ['hour 24', '2026-12-03T24:00:00Z'],
    ['second 60', '2026-12-03T06:51:60Z'],
    ['an offset of 24 hours', '2026-12-03T06:51:47+24:00'],
    ['words', 'yesterday'],
    ['padding', ' 2026-12-03T06:51:47Z'],
  ])('refuses %s', (_, text) => {
    expect(parseIsoTime(text)).toBeNull()
  })

  it('reads back every instant toISOString writes, and the same instant at any offset', () => {
    const instant = fc.integer({ min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) })
    const offset = fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 })
    fc.assert(fc.property(instant, offset, (ms, minutes) => {
      expect(parseIsoTime(new Date(ms).toISOString())).toBe(ms)
      const local = new Date(ms + minutes * 60_000).toISOString().slice(0, -1)
      const zone = `${minutes < 0 ? '-' : '+'}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`
      // Years past 9999 and before 1 have no four-digit form.
      if (/^\d{4}-/.test(local)) expect(parseIsoTime(`${local}${zone}`)).toBe(ms)
    }))
  })
})

describe('timestampSchema', () => {
  it('takes epoch milliseconds and ISO 8601 strings, both as epoch milliseconds', () => {
    expect(check(timestampSchema, 1796280707445)).toEqual({ ok: true, value: 1796280707445 })
    expect(check(timestampSchema, '2026-12-03T06:51:47.445Z')).toEqual({ ok: true, value: 1796280707445 })
  })
  it.each([
    ['"yesterday"', 'yesterday', 'must be epoch milliseconds or an ISO 8601 date-time'],
    ['null', null, 'must be epoch milliseconds or an ISO 8601 date-time'],
    ['February 30', '2026-02-30T00:00:00Z', 'must be a real date-time, not before 1970'],
    ['before 1970', '1969-12-31T23:59:59Z', 'must be a real date-time, not before 1970'],
    ['a fraction of a millisecond', 1.5, 'Invalid integer'],
  ])('refuses %s with a message that says what it takes', (_, input, message) => {
    const result = check(timestampSchema, input)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems[0]?.message).toContain(message)
  })
})
