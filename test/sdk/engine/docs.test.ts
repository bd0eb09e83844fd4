import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { check, describe as describeProblems, flowSchema, type Flow } from '@cairn/protocol'
import { describe, expect, it } from 'vitest'
import { DAY, createFlowEngine, inShare } from '../../../packages/sdk/src/engine/index.ts'
import { fakeDeps, settle } from './fake-deps.ts'

/** Vitest runs from the repository root. */
const read = (path: string) => readFileSync(join(process.cwd(), path), 'utf8')
const readme = read('README.md')
const start = readme.indexOf('\n## Flows')
const end = readme.indexOf('\n## ', start + 1)
const section = readme.slice(start, end < 0 ? undefined : end)
/** Fenced code blocks of one language ('' for none), in order. */
const blocks = (text: string, lang: string) =>
  [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].filter((m) => m[1] === lang).map((m) => m[2]!)
const examples = blocks(section, 'json').map((b) => JSON.parse(b) as Flow)

describe('the README’s Flows section', () => {
  it('has examples', () => {
    expect(examples.map((f) => f.id)).toEqual(['invite-team', 'nps-q3', 'welcome', 'whats-new-digest'])
  })

  it.each(examples.map((f) => [f.id, f] as const))('%s is a valid flow', (_, flow) => {
    const result = check(flowSchema, flow)
    expect(result.ok ? '' : describeProblems(result.problems)).toBe('')
  })

  it('its suppression example keeps users with open tickets out', async () => {
    const nps = examples.find((f) => f.id === 'nps-q3')!
    const shown = async (openTickets: number) => {
      const { deps, fake } = fakeDeps({ user: { anonymousId: 'a', userId: 'u', traits: { plan: 'team', segments: ['eu'], openTickets } } })
      createFlowEngine(deps, { flows: [nps] }).track('report_exported')
      await settle()
      return fake.rendered.length
    }
    expect(await shown(0)).toBe(1)
    expect(await shown(2)).toBe(0)
  })

  it('its debug output is what the engine prints', async () => {
    const debug = blocks(section, '').find((b) => b.includes(': never: '))!.trim().split('\n')
    const shownAt = Date.parse('2026-11-29T09:00:00.000Z') - 7 * DAY
    const userId = [...Array(50).keys()].map((i) => `user-${i}`).find((u) => !inShare(u, 'welcome', 0.1))!
    const { deps, fake } = fakeDeps({
      now: shownAt + DAY, url: 'https://app.example.com/dashboard',
      user: { anonymousId: 'a', userId, traits: { plan: 'pro', segments: ['eu'], openTickets: 1, requestedFeatures: ['dark-mode'] } },
    })
    fake.store.set('state', JSON.stringify({ flows: { 'whats-new-digest': { shownCount: 1, shownAt } }, events: { report_exported: 1 }, times: { report_exported: [shownAt] } }))
    createFlowEngine(deps, { flows: examples })
    await settle()
    expect(fake.logs).toEqual(debug)
  })
})

describe('docs/flow-engine.md', () => {
  const doc = read('docs/flow-engine.md')

  it('lists every engine file it describes', () => {
    const listed = blocks(doc, '').flatMap((b) => [...b.matchAll(/^(\S+\.ts)\s/gm)].map((m) => m[1]))
    for (const file of listed) expect(() => read(`packages/sdk/src/engine/${file}`)).not.toThrow()
    expect(listed.length).toBeGreaterThan(8)
  })
})
