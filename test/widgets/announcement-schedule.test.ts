import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { digest, feedEntries, isLive, isUnread, publishedAt, unreadCount, type Scheduled } from '../../packages/sdk/src/widgets/announcement/schedule.ts'

const at = (iso: string) => Date.parse(iso)
const NOW = at('2026-11-22T12:00:00Z')

describe('scheduling windows', () => {
  it.each([
    ['no window', {}, true],
    ['published before now', { publishAt: '2026-11-22T11:59:59Z' }, true],
    ['published exactly now', { publishAt: '2026-11-22T12:00:00Z' }, true],
    ['published later', { publishAt: '2026-11-22T12:00:01Z' }, false],
    ['expires later', { expireAt: '2026-11-22T12:00:01Z' }, true],
    ['expires exactly now', { expireAt: '2026-11-22T12:00:00Z' }, false],
    ['expired', { publishAt: '2026-11-01T00:00:00Z', expireAt: '2026-11-20T00:00:00Z' }, false],
    ['inside the window', { publishAt: '2026-11-01T00:00:00Z', expireAt: '2026-12-01T00:00:00Z' }, true],
    ['an unreadable date is no limit', { publishAt: 'soon', expireAt: 'never' }, true],
  ] as const)('%s → %s', (_, window, live) => {
    expect(isLive({ id: 'a', ...window }, NOW)).toBe(live)
  })

  it('is live exactly on [publishAt, expireAt)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 1, max: 1e10 }), fc.integer({ min: -1e10, max: 2e10 }), (start, length, offset) => {
        const a = { id: 'a', publishAt: new Date(start).toISOString(), expireAt: new Date(start + length).toISOString() }
        expect(isLive(a, start + offset)).toBe(offset >= 0 && offset < length)
      }),
    )
  })
})

const entry = (id: string, publishAt?: string, extra: Partial<Scheduled> = {}): Scheduled => ({ id, feed: true, ...(publishAt && { publishAt }), ...extra })
const feed = [
  entry('old', '2026-09-01T00:00:00Z'),
  entry('hidden', '2026-11-20T00:00:00Z', { feed: false }),
  entry('newest', '2026-11-21T00:00:00Z'),
  entry('future', '2026-12-01T00:00:00Z'),
  entry('always'),
  entry('expired', '2026-10-01T00:00:00Z', { expireAt: '2026-10-15T00:00:00Z' }),
  entry('middle', '2026-11-10T00:00:00Z'),
]
const ids = (list: readonly Scheduled[]) => list.map((a) => a.id)

describe('the feed', () => {
  it('lists live feed entries newest first, undated ones last', () => {
    expect(ids(feedEntries(feed, NOW))).toEqual(['newest', 'middle', 'old', 'always'])
  })

  it.each([
    ['never opened: all unread', undefined, 4],
    ['opened before everything dated', at('2026-08-01T00:00:00Z'), 3],
    ['opened between two entries', at('2026-11-15T00:00:00Z'), 1],
    ['opened when the newest came out', at('2026-11-21T00:00:00Z'), 0],
    ['opened just now', NOW, 0],
  ] as const)('%s → %i unread', (_, opened, count) => {
    expect(unreadCount(feed, opened, NOW)).toBe(count)
  })

  it('an undated entry is unread only until the feed is first opened', () => {
    expect(isUnread(entry('x'), undefined)).toBe(true)
    expect(isUnread(entry('x'), 0)).toBe(false)
    expect(publishedAt(entry('x'))).toBe(0)
  })

  const arbFeed = fc.array(
    fc.record({ id: fc.string(), feed: fc.boolean(), publishAt: fc.option(fc.integer({ min: 0, max: 4e12 }), { nil: undefined }) }),
    { maxLength: 12 },
  ).map((list) => list.map(({ publishAt, ...a }) => (publishAt === undefined ? a : { ...a, publishAt: new Date(publishAt).toISOString() })))

  it('is sorted newest first, and opening the feed later never adds unread entries', () => {
    fc.assert(
      fc.property(arbFeed, fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 0, max: 4e12 }), (list, now, a, b) => {
        const shown = feedEntries(list, now)
        shown.slice(1).forEach((x, i) => expect(publishedAt(x)).toBeLessThanOrEqual(publishedAt(shown[i] as Scheduled)))
        const [early, late] = a < b ? [a, b] : [b, a]
        expect(unreadCount(list, late, now)).toBeLessThanOrEqual(unreadCount(list, early, now))
        expect(unreadCount(list, now, now)).toBe(0)
        expect(unreadCount(list, undefined, now)).toBe(shown.length)
      }),
    )
  })
})

describe('the digest for users who were away', () => {
  it('lists what shipped after their last visit, newest first, live and in the feed only', () => {
    const lastSeen = at('2026-10-20T00:00:00Z') // away for 33 days
    expect(ids(digest(feed, lastSeen, NOW))).toEqual(['newest', 'middle'])
  })

  it('is empty for a user who saw everything, and is the whole dated feed for one away since the start', () => {
    expect(digest(feed, NOW, NOW)).toEqual([])
    expect(ids(digest(feed, 0, NOW))).toEqual(['newest', 'middle', 'old'])
  })

  it('is exactly the unread entries when the feed was last opened at the last visit (dated entries)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4e12 }), { maxLength: 10 }), fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 0, max: 4e12 }), (times, seen, now) => {
        const list = times.map((t, i) => entry(`a${i}`, new Date(t).toISOString()))
        expect(ids(digest(list, seen, now))).toEqual(ids(feedEntries(list, now).filter((a) => isUnread(a, seen))))
      }),
    )
  })
})

describe("the README's Announcements example", () => {
  it('is a valid flow, live inside its window', async () => {
    const { readFileSync } = await import('node:fs')
    const { check, describe: problems, flowSchema } = await import('@cairn/protocol')
    const readme = readFileSync(`${process.cwd()}/README.md`, 'utf8')
    const section = readme.slice(readme.indexOf('\n## Announcements'))
    const flow = JSON.parse(/^```json\n([\s\S]*?)^```$/m.exec(section)?.[1] ?? 'null')
    const result = check(flowSchema, flow)
    expect(result.ok ? '' : problems(result.problems)).toBe('')
    expect([isLive(flow, at('2026-11-19T00:00:00Z')), isLive(flow, NOW), isLive(flow, at('2026-12-21T00:00:00Z'))]).toEqual([false, true, false])
  })
})

describe("the README's digest example", () => {
  it('is a valid flow with digest: true and an inactivity trigger', async () => {
    const { readFileSync } = await import('node:fs')
    const { check, describe: problems, flowSchema } = await import('@cairn/protocol')
    const readme = readFileSync(`${process.cwd()}/README.md`, 'utf8')
    const section = readme.slice(readme.indexOf('\n## Announcements'), readme.indexOf('\n## Checklists'))
    const flows = [...section.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => JSON.parse(m[1] as string))
    const digest = flows.find((f) => f.digest === true)
    const result = check(flowSchema, digest)
    expect(result.ok ? '' : problems(result.problems)).toBe('')
    expect(digest.trigger).toEqual({ inactiveDays: 30 })
  })
})
