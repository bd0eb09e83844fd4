import { describe, expect, it } from 'vitest'
import type { Flow } from '@cairn/protocol'
import { parseSamples, selectorWalks, where, type Probe } from '../../packages/collector/src/cli/selector-pages.ts'
import { verdict } from '../../packages/collector/src/cli/selector-verdict.ts'

const BASE = 'http://127.0.0.1:5173'
const probe = (urls: string[] = []): Probe => ({ step: 's', target: '#a', waitMs: 5000, urls, click: false })

describe('cairn selectors: which targets, in which order', () => {
  it("a tour's steps with a target, in order, with their wait and whether a click advances them; hotspots alone", () => {
    const flows = [
      { id: 'tour', kind: 'tour', trigger: { url: ['/home', '/start'] }, steps: [
        { id: 'hello', title: 'Hi' },
        { id: 'new', title: 'New', target: '#new', advanceOn: 'click' },
        { id: 'form', title: 'Form', target: '#form', url: '/boards/*', waitMs: 8000, advanceOn: { event: 'board_created' } },
      ] },
      { id: 'centred', kind: 'tour', steps: [{ id: 'only', title: 'Only' }] },
      { id: 'spot', kind: 'announcement', style: 'hotspot', target: '#invite', title: 'Invite', trigger: { url: '/' } },
      { id: 'banner', kind: 'announcement', style: 'banner', title: 'News' },
      { id: 'nps', kind: 'survey', questions: [{ id: 'q', type: 'nps', prompt: 'How likely?' }] },
    ] as Flow[]
    expect(selectorWalks(flows)).toEqual([
      { flow: 'tour', start: ['/home', '/start'], probes: [
        { step: 'new', target: '#new', waitMs: 5000, urls: [], click: true },
        { step: 'form', target: '#form', waitMs: 8000, urls: ['/boards/*'], click: false },
      ] },
      { flow: 'spot', start: ['/'], probes: [{ step: 'hotspot', target: '#invite', waitMs: 5000, urls: [], click: false }] },
    ])
  })

  const samples = new Map([['/boards/*', '/boards/42']])
  it.each([
    ['the first step, no url of its own: the trigger\'s first plain URL', probe(), ['/start'], undefined, { page: `${BASE}/start` }],
    ['a trigger pattern with a sample', probe(), ['/boards/*'], undefined, { page: `${BASE}/boards/42` }],
    ['a trigger pattern without one, then a plain URL', probe(), ['/projects/*', '/home'], undefined, { page: `${BASE}/home` }],
    ['only patterns without samples', probe(), ['/projects/*'], undefined, { skipped: 'cannot visit a pattern: give --url-sample "/projects/*=/a/real/path"' }],
    ['no url anywhere', probe(), [], undefined, { skipped: 'no page: neither the step nor its trigger has a url' }],
    ['a later step without a url stays where the walk is', probe(), ['/start'], `${BASE}/elsewhere`, { stay: true }],
    ['a step whose url matches the current page stays (a click navigated there)', probe(['/boards/*']), [], `${BASE}/boards/7`, { stay: true }],
    ['a step on another page opens it', probe(['/settings']), ['/'], `${BASE}/`, { page: `${BASE}/settings` }],
    ['an absolute step URL is opened as it is', probe(['https://app.example.com/x']), [], undefined, { page: 'https://app.example.com/x' }],
  ])('%s', (_, p, start, current, expected) => {
    expect(where(p, start, current, BASE, samples)).toEqual(expected)
  })

  it('--url-sample values: pattern=url, checked against the pattern', () => {
    expect(parseSamples(['/boards/*=/boards/42', '/p/**?tab=*=/p/1/2?tab=x'], BASE)).toEqual(new Map([['/boards/*', '/boards/42'], ['/p/**?tab=*', '/p/1/2?tab=x']]))
    expect(() => parseSamples(['/boards/*'], BASE)).toThrow('--url-sample must be "<pattern>=<url>", the URL starting with / or http(s):// (got "/boards/*")')
    expect(() => parseSamples(['=/x'], BASE)).toThrow(/must be "<pattern>=<url>"/)
    expect(() => parseSamples(['/boards/*=boards/42'], BASE)).toThrow(/must be "<pattern>=<url>"/)
    expect(() => parseSamples(['/boards/*=/settings'], BASE)).toThrow('"/settings" does not match the pattern')
  })
})

describe('cairn selectors: what a measure means', () => {
  const fine = { count: 1, visible: true, inside: true }
  it.each([
    [null, 'failed', 'not found after 5000 ms'],
    [{ ...fine, count: 3 }, 'failed', 'matches 3 elements (the first is used)'],
    [{ ...fine, count: 2, visible: false }, 'failed', 'matches 2 elements (the first is used)'],
    [{ ...fine, visible: false }, 'failed', 'not visible'],
    [{ ...fine, inside: false, coveredBy: 'div' }, 'failed', 'outside the page'],
    [{ ...fine, coveredBy: 'div#cookie-banner' }, 'failed', 'covered by div#cookie-banner'],
    [fine, 'ok', 'ok'],
  ])('%j → %s: %s', (m, status, detail) => {
    expect(verdict(m, 5000)).toEqual({ status, detail })
  })
})
