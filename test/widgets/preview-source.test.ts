import { describe, expect, it } from 'vitest'
import { manualClock } from '../../packages/sdk/src/index.ts'
import { POLL_MS, watchFlow } from '../../packages/sdk/src/widgets/preview/source.ts'
import { previewDefinition } from '../../packages/sdk/src/widgets/preview/definition.ts'

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

/** A collector's `GET /v1/flows/:id` answering from a list, recording each request's If-None-Match. */
function collector(answers: (() => Response)[]) {
  const asked: (string | null)[] = []
  const fetch = (async (_url: string, init?: RequestInit) => {
    asked.push(new Headers(init?.headers).get('if-none-match'))
    const next = answers.shift()
    if (!next) throw new TypeError('Failed to fetch')
    return next()
  }) as typeof globalThis.fetch
  return { fetch, asked }
}
const flow = (title: string, etag: string) => () => new Response(JSON.stringify({ flow: { id: 'w', kind: 'tour', steps: [{ id: 's', title }] } }), { headers: { etag } })
const status = (code: number, details?: string) => () => new Response(code == 304 ? null : JSON.stringify({ details }), { status: code })

describe('watchFlow (the preview reading its flow again)', () => {
  it('asks again every half second with If-None-Match and passes on only a changed flow', async () => {
    const clock = manualClock()
    const { fetch, asked } = collector([flow('One', '"1"'), status(304), status(304), flow('Two', '"2"')])
    const flows: unknown[] = []
    const stop = watchFlow({ fetch, endpoint: 'https://c.test', key: 'pk', id: 'w', setTimeout: clock.setTimeout, onFlow: (f) => flows.push(f), onError: () => {} })
    for (let i = 0; i < 4; i++) {
      await settle()
      clock.advance(POLL_MS)
    }
    await settle()
    expect(asked).toEqual([null, '"1"', '"1"', '"1"', '"2"'])
    expect(flows.map((f) => (f as { steps: { title: string }[] }).steps[0]!.title)).toEqual(['One', 'Two'])
    stop()
  })

  it('says a missing flow or an unreachable collector once and keeps asking; a refusal is final and ends it', async () => {
    const clock = manualClock()
    const { fetch, asked } = collector([status(404, 'no flow "w"'), status(404, 'no flow "w"'), status(403, 'not this origin'), flow('Late', '"x"')])
    const errors: [string, boolean][] = []
    watchFlow({ fetch, endpoint: 'https://c.test', key: 'pk', id: 'w', setTimeout: clock.setTimeout, onFlow: () => {}, onError: (m, final) => errors.push([m, final]) })
    for (let i = 0; i < 5; i++) {
      await settle()
      clock.advance(POLL_MS)
    }
    expect(errors).toEqual([['no flow "w"', false], ['not this origin', true]])
    expect(asked).toHaveLength(3)
  })

  it('stops asking once stopped', async () => {
    const clock = manualClock()
    const { fetch, asked } = collector([flow('One', '"1"'), status(304), status(304)])
    const stop = watchFlow({ fetch, endpoint: 'https://c.test', key: 'pk', id: 'w', setTimeout: clock.setTimeout, onFlow: () => {}, onError: () => {} })
    await settle()
    stop()
    clock.advance(POLL_MS * 4)
    await settle()
    expect(asked).toHaveLength(1)
  })
})

describe('previewDefinition', () => {
  it.each([
    [null, '$: must be a flow definition (an object)'],
    [[], '$: must be a flow definition (an object)'],
    [{ kind: 'tour' }, '$.id: must be 1–128 letters, digits, "_", "-" or "."'],
    [{ id: 'x', kind: 'poll' }, '$.kind: must be one of tour, survey, checklist, announcement'],
  ])('refuses %j with its path', (value, problem) => expect(previewDefinition(value)).toBe(problem))

  it('passes a flow on as it is (its kind’s fields are its widget’s to check)', () => {
    const tour = { id: 'x', kind: 'tour', steps: [] }
    expect(previewDefinition(tour)).toBe(tour)
  })
})
