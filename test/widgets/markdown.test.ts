import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseInline, parseMarkdown, type Block, type Inline } from '../../packages/sdk/src/content/markdown.ts'

describe('parseInline', () => {
  it.each<[string, Inline[]]>([
    ['plain text', ['plain text']],
    ['**bold** and __bold__', [{ t: 'b', c: ['bold'] }, ' and ', { t: 'b', c: ['bold'] }]],
    ['*it* and _it_', [{ t: 'i', c: ['it'] }, ' and ', { t: 'i', c: ['it'] }]],
    ['**bold *and it***', [{ t: 'b', c: ['bold ', { t: 'i', c: ['and it'] }] }]],
    ['a\nb', ['a', { t: 'br' }, 'b']],
    ['[guide](/docs)', [{ t: 'a', href: '/docs', c: ['guide'] }]],
    ['[**bold** link](https://x.io)', [{ t: 'a', href: 'https://x.io', c: [{ t: 'b', c: ['bold'] }, ' link'] }]],
    ['Hi {{user.firstName|there}}!', ['Hi ', { t: 'tok', expr: 'user.firstName|there' }, '!']],
    ['{{user.a|*not emphasis*}}', [{ t: 'tok', expr: 'user.a|*not emphasis*' }]],
    ['snake_case_name', ['snake_case_name']],
    ['2 * 3 * 4', ['2 * 3 * 4']],
    ['** not bold **', ['** not bold **']],
    ['\\*literal\\*', ['*literal*']],
    ['[no link]', ['[no link]']],
    ['[space](a b)', ['[space](a b)']],
    ['[nested [x](/a)](/b)', ['[nested ', { t: 'a', href: '/a', c: ['x'] }, '](/b)']],
    ['unclosed {{user.x', ['unclosed {{user.x']],
    ['<script>alert(1)</script>', ['<script>alert(1)</script>']],
  ])('%j', (source, expected) => {
    expect(parseInline(source)).toEqual(expected)
  })
})

describe('parseMarkdown', () => {
  it.each<[string, Block[]]>([
    ['one\ntwo\n\nthree', [{ t: 'p', c: ['one', { t: 'br' }, 'two'] }, { t: 'p', c: ['three'] }]],
    ['- a\n- **b**', [{ t: 'ul', items: [['a'], [{ t: 'b', c: ['b'] }]] }]],
    ['* a\n+ b', [{ t: 'ul', items: [['a'], ['b']] }]],
    ['1. a\n2) b', [{ t: 'ol', items: [['a'], ['b']] }]],
    ['Intro\n- a\n- b\nOutro', [{ t: 'p', c: ['Intro'] }, { t: 'ul', items: [['a'], ['b']] }, { t: 'p', c: ['Outro'] }]],
    ['- a\n\n- b', [{ t: 'ul', items: [['a']] }, { t: 'ul', items: [['b']] }]],
    ['- a\n1. b', [{ t: 'ul', items: [['a']] }, { t: 'ol', items: [['b']] }]],
    ['*emphasis* is not a list', [{ t: 'p', c: [{ t: 'i', c: ['emphasis'] }, ' is not a list'] }]],
    ['\r\n\r\n', []],
    ['', []],
  ])('%j', (source, expected) => {
    expect(parseMarkdown(source)).toEqual(expected)
  })

  it('terminates quickly on pathological nesting', () => {
    const started = performance.now()
    parseMarkdown('*_'.repeat(2500) + '_*'.repeat(2500))
    parseMarkdown('['.repeat(5000) + '](x)')
    parseMarkdown('**'.repeat(5000))
    expect(performance.now() - started).toBeLessThan(2000)
  })
})

const NODE_TYPES = new Set(['b', 'i', 'a', 'br', 'tok'])

function walk(nodes: Inline[], visit: (node: Inline) => void): void {
  for (const node of nodes) {
    visit(node)
    if (typeof node !== 'string' && 'c' in node) walk(node.c, visit)
  }
}

describe('markdown properties', () => {
  const markdownish = fc.string({ unit: fc.constantFrom('*', '_', '[', ']', '(', ')', '{', '}', '|', '\\', '\n', '-', ' ', 'a', 'b', '1', '.', '<', '>', '"', ':'), maxLength: 80 })

  it('never throws and yields only known node types', () => {
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string({ maxLength: 200 })), (source) => {
        for (const block of parseMarkdown(source)) {
          expect(['p', 'ul', 'ol']).toContain(block.t)
          const runs = block.t === 'p' ? [block.c] : block.items
          for (const run of runs) walk(run, (node) => typeof node === 'string' || expect(NODE_TYPES.has(node.t)).toBe(true))
        }
      }),
    )
  })

  it('loses no letters: every letter of the input is in some text, token or href', () => {
    fc.assert(
      fc.property(markdownish, (source) => {
        let kept = ''
        for (const node of parseInline(source.replace(/\\/g, '')).flatMap(function flat(n): Inline[] {
          return typeof n !== 'string' && 'c' in n ? [n, ...n.c.flatMap(flat)] : [n]
        })) {
          if (typeof node === 'string') kept += node
          else if (node.t === 'tok') kept += node.expr
          else if (node.t === 'a') kept += node.href
        }
        expect(kept.replace(/[^ab1]/g, '')).toBe(source.replace(/[^ab1]/g, ''))
      }),
    )
  })
})
