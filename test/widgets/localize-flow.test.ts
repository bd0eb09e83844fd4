import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { TourFlow } from '@cairn/protocol'
import { localizeFlow } from '../../packages/sdk/src/i18n/localize-flow.ts'
import { checklist, survey, tour } from './flows.ts'

describe('localizeFlow', () => {
  it('merges the reader language over the defaults, item by item', () => {
    const { flow, lang } = localizeFlow(tour, 'fa')
    expect(lang).toBe('fa')
    expect(flow.steps.map((s) => s.title)).toEqual(['خوش آمدید، {{user.firstName|دوست من}}', 'پروژه‌ها', 'همین بود'])
    expect(flow.steps.map((s) => s.id)).toEqual(['hello', 'projects', 'done'])
    expect(flow.steps[1]?.body).toBe(tour.steps[1]?.body)
  })

  it('falls back from region to language, and keeps the reader tag', () => {
    const persian = localizeFlow(tour, 'fa-IR')
    expect(persian.lang).toBe('fa-IR')
    expect(persian.flow.steps[0]?.title).toBe('خوش آمدید، {{user.firstName|دوست من}}')
    const regional: TourFlow = { ...tour, locales: { 'pt-BR': { steps: [{ title: 'Olá' }] }, pt: { steps: [{ title: 'Olá!' }] } } }
    expect(localizeFlow(regional, 'pt-BR').flow.steps[0]?.title).toBe('Olá')
    expect(localizeFlow(regional, 'pt-PT').flow.steps[0]?.title).toBe('Olá!')
  })

  it('without content in the reader language, shows the defaults in the flow language', () => {
    expect(localizeFlow(checklist, 'fa')).toEqual({ flow: checklist, lang: 'en' })
    expect(localizeFlow({ ...checklist, locale: 'fa' }, 'fa-IR').lang).toBe('fa-IR')
    expect(localizeFlow({ ...checklist, locale: 'ar' }, 'de')).toMatchObject({ lang: 'ar' })
    expect(localizeFlow(survey, 'en-GB')).toEqual({ flow: survey, lang: 'en-GB' })
  })

  it('never lets a translation change ids, selectors, rules or types, nor touch prototypes', () => {
    const hostile = JSON.parse(`{
      "id": "evil", "kind": "survey",
      "trigger": { "url": "/**" }, "audience": { "trait": "x", "op": "exists" },
      "questions": [{ "id": "other", "type": "text", "prompt": "Translated", "next": [{ "goto": "end" }] }],
      "__proto__": { "polluted": "yes" }, "constructor": { "prototype": { "polluted": "yes" } }
    }`)
    const { flow } = localizeFlow({ ...survey, trigger: { url: '/app' }, locales: { fa: hostile } }, 'fa')
    expect(flow.id).toBe('nps')
    expect(flow.kind).toBe('survey')
    expect(flow.trigger).toEqual({ url: '/app' })
    expect(flow.questions[0]).toMatchObject({ id: 'score', type: 'nps', prompt: 'Translated' })
    expect(flow.questions[0]?.next).toBeUndefined()
    expect(Object.getPrototypeOf(flow)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('property: any override keeps the shape — same keys with non-string values, same array lengths, same ids', () => {
    const json = fc.jsonValue({ maxDepth: 4 })
    const override = fc.record({ steps: fc.array(fc.oneof(fc.dictionary(fc.constantFrom('id', 'title', 'body', 'target', 'placement', 'media', 'waitMs'), json), json), { maxLength: 5 }), title: json, id: json })
    fc.assert(
      fc.property(override, (over) => {
        const { flow } = localizeFlow({ ...tour, steps: tour.steps.map((s) => ({ ...s, target: '#x', waitMs: 10 })), locales: { fa: over as Record<string, unknown> } }, 'fa')
        expect(flow.id).toBe(tour.id)
        expect(flow.steps.map((s) => [s.id, s.target, s.waitMs])).toEqual(tour.steps.map((s) => [s.id, '#x', 10]))
        for (const step of flow.steps) {
          expect(typeof step.title).toBe('string')
          if (step.body !== undefined) expect(typeof step.body).toBe('string')
        }
      }),
    )
  })
})
