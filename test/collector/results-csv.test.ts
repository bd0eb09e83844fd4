import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { resultsCsv, tablesOf } from '../../packages/collector/src/results/results-csv.ts'

describe('tablesOf / resultsCsv: any results table as CSV', () => {
  const answer = {
    period: 'week',
    periods: [
      { start: '2026-11-02', S: 2, crr: 0.5, revenue: { start: 150, lost: 50 } },
      { start: '2026-11-09', S: 3, crr: null, revenue: null },
    ],
    lifecycle: [{ start: '2026-11-02', new: 2, dormant: -1 }],
    cohorts: { rows: [{ start: '2026-11-02', size: 2, cells: [{ k: 0, share: 1 }, { k: 1, share: 0.5 }] }], average: [] },
    activeEvents: ['card_created'],
  }

  it('finds every list of objects by its dotted path, nested ones included', () => {
    expect(tablesOf(answer)).toEqual(['periods', 'lifecycle', 'cohorts.rows', 'cohorts.rows.0.cells'])
  })

  it('flattens nested objects and lists into dotted columns, in the order they first appear', () => {
    expect(resultsCsv(answer, 'periods')).toBe('\uFEFFstart,S,crr,revenue.start,revenue.lost\r\n2026-11-02,2,0.5,150,50\r\n2026-11-09,3,,,\r\n')
    expect(resultsCsv(answer, 'cohorts.rows')).toBe('\uFEFFstart,size,cells.0.k,cells.0.share,cells.1.k,cells.1.share\r\n2026-11-02,2,0,1,1,0.5\r\n')
  })

  it('writes negative numbers as numbers, text that looks like a formula made safe, headers included', () => {
    expect(resultsCsv(answer, 'lifecycle')).toBe('\uFEFFstart,new,dormant\r\n2026-11-02,2,-1\r\n')
    expect(resultsCsv({ t: [{ '=cmd()': '-1+1', 'a\0b': '@x', tags: ['=x', 'y'] }] }, 't')).toBe("\uFEFF'=cmd(),ab,tags\r\n'-1+1,'@x,'=x; y\r\n")
  })

  it('an empty table is an empty file; a missing one, or one that is not a table, is undefined', () => {
    expect(resultsCsv(answer, 'cohorts.average')).toBe('\uFEFF')
    expect(resultsCsv(answer, 'nothing')).toBeUndefined()
    expect(resultsCsv(answer, 'activeEvents')).toBeUndefined()
    expect(resultsCsv(answer, 'period')).toBeUndefined()
    expect(resultsCsv(answer, 'periods.0.revenue')).toBeUndefined()
  })

  it('every table gives a header and one line per row, each value under its own column', () => {
    const text = fc.stringMatching(/^[a-z0-9 ]{0,8}$/)
    const row = fc.dictionary(fc.stringMatching(/^[a-z]{1,4}$/), fc.oneof(fc.integer({ min: 0 }), text), { minKeys: 1, maxKeys: 4 })
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), (rows) => {
      const [head = '', ...lines] = (resultsCsv({ rows }, 'rows') as string).slice(1).split('\r\n').slice(0, -1)
      const header = head.split(',')
      expect(new Set(header)).toEqual(new Set(rows.flatMap((r) => Object.keys(r))))
      expect(lines).toHaveLength(rows.length)
      lines.forEach((line, i) => {
        const cells = line.split(',')
        expect(cells).toHaveLength(header.length)
        header.forEach((k, j) => expect(cells[j]).toBe(String(rows[i]?.[k] ?? '')))
      })
    }))
  })
})
