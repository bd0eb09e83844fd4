import fc from 'fast-check'
import type { Question } from '@cairn/protocol'
import { describe, expect, it } from 'vitest'
import { nps, type Nps } from '../../packages/collector/src/results/survey-nps.ts'
import { pmf, type Pmf } from '../../packages/collector/src/results/survey-pmf.ts'
import { csatStats, scaleStats } from '../../packages/collector/src/results/survey-scale.ts'
import { npsTrend, questionStats, type QuestionData } from '../../packages/collector/src/results/survey-stats.ts'
import { csvCell, csvLine } from '../../packages/collector/src/results/csv.ts'
import { answerCell } from '../../packages/collector/src/results/survey-csv.ts'

/** How many gave each score, from a list of scores. */
const tally = (scores: number[]) => scores.reduce<Record<number, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {})

describe('NPS', () => {
  // Each row computed by hand: score = 100·(p − d); MoE = 1.96·√((p + d − (p − d)²)/n)·100.
  it.each<[string, number[], Nps]>([
    ['no responses', [], { score: null, promoters: 0, passives: 0, detractors: 0, responses: 0, marginOfError: null }],
    ['one promoter: 100, no spread', [9], { score: 100, promoters: 1, passives: 0, detractors: 0, responses: 1, marginOfError: 0 }],
    ['all passives: 0, no spread', [7, 8, 8, 7], { score: 0, promoters: 0, passives: 4, detractors: 0, responses: 4, marginOfError: 0 }],
    ['all detractors', [0, 6, 3], { score: -100, promoters: 0, passives: 0, detractors: 3, responses: 3, marginOfError: 0 }],
    // p = .5, d = .2: 30; variance .7 − .09 = .61; √(.61/10) = .246982 → 48.4085
    ['5 / 3 / 2 of 10', [10, 10, 9, 9, 9, 8, 7, 7, 3, 0], { score: 30, promoters: 5, passives: 3, detractors: 2, responses: 10, marginOfError: 48.4085 }],
    // p = d = .5: 0; variance 1; √(1/4) = .5 → 98
    ['half and half', [10, 9, 1, 2], { score: 0, promoters: 2, passives: 0, detractors: 2, responses: 4, marginOfError: 98 }],
    // p = .75, d = .25: 50; variance 1 − .25 = .75; √(.75/4) = .433013 → 84.8705
    ['3 promoters, 1 detractor', [9, 9, 10, 5], { score: 50, promoters: 3, passives: 0, detractors: 1, responses: 4, marginOfError: 84.8705 }],
    // p = 1/3, d = 1/3, passives 1/3: 0; variance 2/3; √(2/9) = .471405 → 92.3953
    ['one of each', [9, 7, 6], { score: 0, promoters: 1, passives: 1, detractors: 1, responses: 3, marginOfError: 92.3953 }],
  ])('%s', (_, scores, expected) => {
    const got = nps(tally(scores))
    const { marginOfError, score, ...counts } = expected
    expect(got).toMatchObject(counts)
    if (score === null) expect(got.score).toBeNull()
    else expect(got.score).toBeCloseTo(score, 9)
    if (marginOfError === null) expect(got.marginOfError).toBeNull()
    else expect(got.marginOfError).toBeCloseTo(marginOfError, 3)
  })

  it('ignores what is not a whole score from 0 to 10', () => {
    expect(nps({ 11: 4, [-1]: 2, 3.5: 1, 10: 1 } as Record<number, number>)).toMatchObject({ score: 100, responses: 1 })
  })

  const scores = fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 300 })

  it('property: counts add up, the score is % promoters − % detractors within ±100, the margin within 196/√n', () => {
    fc.assert(fc.property(scores, (list) => {
      const r = nps(tally(list))
      expect(r.promoters + r.passives + r.detractors).toBe(list.length)
      expect(r.promoters).toBe(list.filter((s) => s >= 9).length)
      expect(r.detractors).toBe(list.filter((s) => s <= 6).length)
      if (!list.length) return
      expect(r.score).toBeCloseTo((100 * r.promoters) / list.length - (100 * r.detractors) / list.length, 9)
      expect(Math.abs(r.score!)).toBeLessThanOrEqual(100)
      expect(r.marginOfError!).toBeGreaterThanOrEqual(0)
      expect(r.marginOfError!).toBeLessThanOrEqual(196 / Math.sqrt(list.length) + 1e-9)
    }))
  })

  it('property: a passive more pulls the score toward 0; a promoter more never lowers it', () => {
    fc.assert(fc.property(scores, (list) => {
      fc.pre(list.length > 0)
      const before = nps(tally(list)).score!
      expect(Math.abs(nps(tally([...list, 8])).score!)).toBeLessThanOrEqual(Math.abs(before) + 1e-9)
      expect(nps(tally([...list, 10])).score!).toBeGreaterThanOrEqual(before - 1e-9)
    }))
  })

  it('property: the margin of error matches a direct variance of +1/0/−1 answers', () => {
    fc.assert(fc.property(scores, (list) => {
      fc.pre(list.length > 0)
      const x = list.map((s): number => (s >= 9 ? 1 : s <= 6 ? -1 : 0))
      const mean = x.reduce((a, b) => a + b, 0) / x.length
      const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length
      expect(nps(tally(list)).marginOfError!).toBeCloseTo(1.96 * Math.sqrt(variance / x.length) * 100, 6)
    }))
  })
})

describe('PMF', () => {
  it.each<[string, Record<string, number>, Pmf]>([
    ['no answers', {}, { share: null, veryDisappointed: 0, responses: 0, meetsBar: false }],
    ['exactly 40% clears the bar', { very: 4, somewhat: 4, not: 2, not_using: 5 }, { share: 0.4, veryDisappointed: 4, responses: 10, meetsBar: true }],
    ['30% does not', { very: 3, somewhat: 5, not: 2 }, { share: 0.3, veryDisappointed: 3, responses: 10, meetsBar: false }],
    ['only people who stopped using it', { not_using: 3 }, { share: null, veryDisappointed: 0, responses: 0, meetsBar: false }],
    ['all very disappointed', { very: 2 }, { share: 1, veryDisappointed: 2, responses: 2, meetsBar: true }],
    ['unknown answers are left out', { very: 1, meh: 9, __proto__: 3 } as Record<string, number>, { share: 1, veryDisappointed: 1, responses: 1, meetsBar: true }],
  ])('%s', (_, counts, expected) => {
    expect(pmf(counts)).toEqual(expected)
  })

  it('property: the share is over those still using the product, and "not using" never moves it', () => {
    const n = fc.nat(50)
    fc.assert(fc.property(n, n, n, n, (very, somewhat, not, gone) => {
      const a = pmf({ very, somewhat, not, not_using: gone })
      expect(a).toEqual(pmf({ very, somewhat, not }))
      const of = very + somewhat + not
      expect(a.share).toBe(of ? very / of : null)
      expect(a.meetsBar).toBe(of > 0 && very / of >= 0.4)
    }))
  })
})

describe('CSAT, CES and rating', () => {
  it('averages and distributions, hand-computed', () => {
    // (1 + 4 + 4 + 5) / 4 = 3.5; 4s and 5s: 3 of 4
    expect(csatStats({ 1: 1, 4: 2, 5: 1 })).toEqual({ responses: 4, average: 3.5, distribution: { 1: 1, 2: 0, 3: 0, 4: 2, 5: 1 }, satisfied: 0.75 })
    expect(scaleStats({ 7: 2, 1: 2 }, 7)).toEqual({ responses: 4, average: 4, distribution: { 1: 2, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 2 } })
    expect(scaleStats({ 4: 9, 0: 3, 2: 1 }, 3)).toEqual({ responses: 1, average: 2, distribution: { 1: 0, 2: 1, 3: 0 } })
    expect(csatStats({})).toEqual({ responses: 0, average: null, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, satisfied: null })
  })

  it('property: the average lies on the scale and equals the mean of the answers', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 200 }), (list) => {
      const s = scaleStats(tally(list), 7)
      expect(s.responses).toBe(list.length)
      expect(s.average!).toBeCloseTo(list.reduce((a, b) => a + b, 0) / list.length, 9)
      expect(Object.values(s.distribution).reduce((a, b) => a + b, 0)).toBe(list.length)
    }))
  })
})

describe('question statistics', () => {
  const data = (patch: Partial<QuestionData>): QuestionData => ({ values: [], elements: [], answered: 0, other: 0, ...patch })

  it('NPS: the contract object and the 0–10 distribution; text scores are not scores', () => {
    const stats = questionStats({ id: 's', type: 'nps', prompt: 'Recommend?' }, data({ values: [{ v: 9, n: 2 }, { v: 3, n: 1 }, { v: '9', n: 5 }] }))
    expect(stats).toMatchObject({ id: 's', type: 'nps', prompt: 'Recommend?', responses: 3, nps: { promoters: 2, detractors: 1, responses: 3 } })
    expect((stats as { distribution: Record<string, number> }).distribution).toEqual({ 0: 0, 1: 0, 2: 0, 3: 1, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 2, 10: 0 })
  })

  it('choices: every option counted (0 included), "Other" too, unknown ids left out', () => {
    const q: Question = { id: 'c', type: 'multi', prompt: 'Use?', other: true, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] }
    const texts = { items: [{ submissionId: 's1', text: 'Timeline', at: 1 }], next: null }
    expect(questionStats(q, data({ elements: [{ v: 'a', n: 3 }, { v: '_other', n: 1 }, { v: 'zzz', n: 8 }], answered: 4, other: 1, texts }))).toEqual({
      id: 'c', type: 'multi', prompt: 'Use?', responses: 4, counts: { a: 3, b: 0, _other: 1 }, other: 1, texts,
    })
    const single: Question = { id: 'one', type: 'single', prompt: 'One?', options: [{ id: 'a', label: 'A' }] }
    expect(questionStats(single, data({ values: [{ v: 'a', n: 2 }, { v: 'b', n: 1 }] }))).toMatchObject({ responses: 2, counts: { a: 2 } })
  })

  it('PMF counts its four answers; "not using" is a response to the question but not to the PMF share', () => {
    expect(questionStats({ id: 'p', type: 'pmf', prompt: '?' }, data({ values: [{ v: 'very', n: 2 }, { v: 'not_using', n: 3 }, { v: 'not', n: 2 }] }))).toMatchObject({
      responses: 7, counts: { very: 2, somewhat: 0, not: 2, not_using: 3 }, pmf: { share: 0.5, responses: 4, meetsBar: true },
    })
  })

  it('a question of a survey no longer published: its values, most frequent first', () => {
    expect(questionStats({ id: 'x', type: 'unknown' }, data({ values: [{ v: 3, n: 1 }, { v: 'b', n: 5 }], answered: 6 }))).toEqual({
      id: 'x', type: 'unknown', prompt: null, responses: 6, counts: { b: 5, 3: 1 },
    })
  })

  it('weekly NPS trend: by the Monday (UTC) of the week, oldest first', () => {
    const monday = Date.UTC(2026, 10, 16)
    expect(npsTrend([
      { week: monday + 7 * 864e5, v: 10, n: 1 },
      { week: monday, v: 10, n: 3 },
      { week: monday, v: 0, n: 1 },
    ])).toEqual([
      { week: '2026-11-16', score: 50, promoters: 3, passives: 0, detractors: 1, responses: 4, marginOfError: expect.closeTo(1.96 * Math.sqrt((1 - 0.25) / 4) * 100, 9) },
      { week: '2026-11-23', score: 100, promoters: 1, passives: 0, detractors: 0, responses: 1, marginOfError: 0 },
    ])
  })
})

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['=1+2', "'=1+2"],
    ['+33 6 12', "'+33 6 12"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', `"'\rCR"`],
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['خیلی خوب است', 'خیلی خوب است'],
    ['a = b', 'a = b'],
    ['\0=1+2', "'=1+2"],
    ['a\0b', 'ab'],
  ])('%j → %j', (input, cell) => {
    expect(csvCell(input)).toBe(cell)
  })

  it('answers as cells', () => {
    expect([9, 'Fast', ['a', '_other'], null, undefined].map((a) => answerCell(a))).toEqual(['9', 'Fast', 'a; _other', '', ''])
    expect(csvLine(['1', '=x'])).toBe("1,'=x\r\n")
    expect(csvLine([-3, '-3', 0.5])).toBe("-3,'-3,0.5\r\n")
  })

  /** A strict RFC 4180 reader for one line. */
  const parse = (line: string): string[] => {
    const cells: string[] = []
    let i = 0
    for (;;) {
      let cell = ''
      if (line[i] === '"') {
        for (i++; ; i++) {
          if (line[i] === '"' && line[i + 1] === '"') (cell += '"'), i++
          else if (line[i] === '"') break
          else cell += line[i]
        }
        i++
      } else while (i < line.length && line[i] !== ',' && !line.startsWith('\r\n', i)) cell += line[i++]
      cells.push(cell)
      if (line[i] !== ',') return cells
      i++
    }
  }

  it('property: a line reads back cell by cell, and no cell starts a formula', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ',', '"', 'a', ' ', 'ب') }), { minLength: 1, maxLength: 6 }), (cells) => {
      const read = parse(csvLine(cells))
      expect(read).toHaveLength(cells.length)
      read.forEach((cell, i) => {
        expect(cell).not.toMatch(/^[=+\-@\t\r]/)
        expect(cell.replace(/^'(?=[=+\-@\t\r])/, '')).toBe(cells[i])
      })
    }))
  })
})
