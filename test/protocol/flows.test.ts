import { describe, expect, it } from 'vitest'
import { check, flowSchema, envelopeSchema } from '@cairn/protocol'

const tour = { id: 'welcome', kind: 'tour', steps: [{ id: 'hello', title: 'Hi' }] }

describe('flow definitions', () => {
  it.each([
    ['a minimal tour', tour],
    ['a checklist', { id: 'start', kind: 'checklist', title: 'Get started', items: [{ id: 'p', title: 'Create a project', completeOn: { event: 'project_created' } }] }],
    ['an NPS survey with branches', {
      id: 'nps', kind: 'survey', reaskAfterDays: 90,
      questions: [
        { id: 'score', type: 'nps', prompt: 'How likely…?', next: [{ min: 0, max: 6, goto: 'missing' }, { min: 9, goto: 'love' }] },
        { id: 'missing', type: 'text', prompt: 'What was missing?', next: [{ goto: 'end' }] },
        { id: 'love', type: 'text', prompt: 'What do you love?' },
      ],
    }],
    ['a hotspot', { id: 'new-btn', kind: 'announcement', style: 'hotspot', title: 'New', target: '#export' }],
    ['an envelope with every field', {
      ...tour, $schema: '../schema/flow.json', name: 'Welcome', version: 3, priority: 10, holdout: 0.1, frequency: { everyDays: 7 },
      trigger: { url: ['/projects/*'], event: { name: 'login', count: 2, withinDays: 7 }, delayMs: 500, inactiveDays: 30 },
      audience: { and: [{ trait: 'plan', op: 'in', value: ['pro', 'team'] }, { not: { trait: 'openTickets', op: 'gt', value: 0 } }, { event: 'export', op: 'gte', count: 1 }, { segment: 'beta' }] },
      locale: 'en', locales: { fa: { steps: [{ title: 'سلام' }] } },
    }],
  ])('accepts %s', (_, flow) => {
    expect(check(flowSchema, flow)).toMatchObject({ ok: true })
  })

  it.each([
    ['an unknown kind', { ...tour, kind: 'popup' }, '$.kind'],
    ['a tour without steps', { ...tour, steps: [] }, '$.steps'],
    ['duplicate step ids', { ...tour, steps: [{ id: 'a', title: 'x' }, { id: 'a', title: 'y' }] }, '$.steps'],
    ['a javascript: link', { id: 'a', kind: 'announcement', style: 'modal', title: 't', cta: { label: 'Go', url: 'javascript:alert(1)' } }, '$.cta.url'],
    ['a hotspot without target', { id: 'a', kind: 'announcement', style: 'hotspot', title: 't' }, '$.target'],
    ['a branch to nowhere', { id: 's', kind: 'survey', questions: [{ id: 'q', type: 'nps', prompt: 'p', next: [{ goto: 'x' }] }] }, '$.questions'],
    ['an unknown field', { ...tour, colour: 'red' }, '$.colour'],
    ['a bad holdout', { ...tour, holdout: 2 }, '$.holdout'],
    ['an unknown rule operator', { ...tour, audience: { trait: 'plan', op: 'like', value: 'x' } }, '$.audience'],
  ])('rejects %s with its path', (_, flow, path) => {
    const result = check(flowSchema, flow)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain(path)
  })

  it('checks only the envelope when asked', () => {
    expect(check(envelopeSchema, { id: 'x', kind: 'tour', steps: 'later' }).ok).toBe(true)
    expect(check(envelopeSchema, { id: '', kind: 'tour' }).ok).toBe(false)
  })
})
