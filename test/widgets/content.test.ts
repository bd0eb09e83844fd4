import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { render } from 'preact'
import { plainText, renderBlocks, renderInline, type ContentContext } from '../../packages/sdk/src/content/render.ts'
import { numberFormatter } from '../../packages/sdk/src/i18n/numbers.ts'

const PAGE = 'https://app.example.com/projects/1'
const ctx = (traits: Record<string, unknown> = {}, lang = 'en'): ContentContext => ({ user: { id: 'u1', traits }, num: numberFormatter(lang), page: PAGE })

function dom(source: string, context = ctx()): HTMLElement {
  const div = document.createElement('div')
  render(renderBlocks(source, context), div)
  return div
}

const ALLOWED_TAGS = new Set(['P', 'UL', 'OL', 'LI', 'STRONG', 'EM', 'A', 'BR'])
const ALLOWED_ATTRIBUTES = new Set(['href', 'rel', 'target'])

function assertSafe(div: HTMLElement): void {
  for (const el of div.querySelectorAll('*')) {
    expect(ALLOWED_TAGS.has(el.tagName), el.tagName).toBe(true)
    for (const attr of el.getAttributeNames()) expect(ALLOWED_ATTRIBUTES.has(attr), attr).toBe(true)
    if (el.tagName === 'A') {
      expect(['http:', 'https:', 'mailto:']).toContain(new URL(el.getAttribute('href') as string).protocol)
      expect(el.getAttribute('rel')).toBe('noopener noreferrer')
    }
  }
}

describe('content rendering', () => {
  it('renders the markdown subset to elements', () => {
    const div = dom('Hello **{{user.firstName|there}}**, read *this*:\n[guide](/docs) or [blog](https://blog.example.com)\n\n- one\n- two', ctx({ firstName: 'Sara' }))
    expect(div.querySelector('strong')?.textContent).toBe('Sara')
    expect(div.querySelector('em')?.textContent).toBe('this')
    expect(div.querySelectorAll('p br')).toHaveLength(1)
    expect([...div.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['one', 'two'])
    const [internal, external] = [...div.querySelectorAll('a')]
    expect(internal?.getAttribute('href')).toBe('https://app.example.com/docs')
    expect(internal?.hasAttribute('target')).toBe(false)
    expect(external?.getAttribute('target')).toBe('_blank')
    expect(external?.getAttribute('rel')).toBe('noopener noreferrer')
  })

  it.each([
    [true, ['_blank', '_blank']],
    [false, [null, null]],
    [undefined, [null, '_blank']],
  ] as const)('newTab %s decides the tab of every link (undefined: another site only)', (newTab, targets) => {
    const div = document.createElement('div')
    render(renderInline('[guide](/docs) [blog](https://blog.example.com)', { ...ctx(), newTab }), div)
    expect([...div.querySelectorAll('a')].map((a) => a.getAttribute('target'))).toEqual(targets)
  })

  it.each([
    ['<script>window.pwned = 1</script>', '<script>window.pwned = 1</script>'],
    ['<img src=x onerror="window.pwned = 1">', '<img src=x onerror="window.pwned = 1">'],
    ['[click](javascript:window.pwned=1)', 'click'],
    ['[click](JaVaScRiPt:alert(1))', 'click)'],
    ['[click](java\tscript:alert(1))', '[click](java\tscript:alert(1))'],
    ['[click](data:text/html;base64,PHNjcmlwdD4=)', 'click'],
    ['[click](vbscript:msgbox)', 'click'],
    ['[click](//evil.example/x)', 'click'],
    ['{{constructor.constructor("window.pwned=1")()}}', ''],
    ['{{user.constructor.constructor}}', ''],
    ['{{user.__proto__.polluted|safe}}', 'safe'],
  ])('keeps hostile content inert: %j', (source, text) => {
    const div = dom(source)
    assertSafe(div)
    expect(div.querySelectorAll('a')).toHaveLength(0)
    expect(div.textContent).toBe(text)
  })

  it('fills tokens as text, never markup, and percent-encodes them in links', () => {
    const traits = { firstName: '<img src=x onerror=alert(1)> **bold** [x](javascript:alert(1))', site: 'javascript:alert(1)' }
    const div = dom('Hi {{user.firstName}} — [profile](/u/{{user.site}}) [home]({{user.site}})', ctx(traits))
    assertSafe(div)
    expect(div.querySelector('strong')).toBeNull()
    expect(div.textContent).toContain(traits.firstName)
    expect([...div.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://app.example.com/u/javascript%3Aalert(1)',
      'https://app.example.com/projects/javascript%3Aalert(1)',
    ])
  })

  it('formats number traits with the locale digits', () => {
    expect(plainText('{{user.projects}} projects', ctx({ projects: 12 }, 'fa'))).toBe('۱۲ projects')
  })

  it('renders titles inline and plain text for attributes', () => {
    const div = document.createElement('div')
    render(renderInline('Hi **{{user.firstName|there}}**\n- not a list', ctx()), div)
    expect(div.querySelector('p,ul')).toBeNull()
    expect(div.querySelector('strong')?.textContent).toBe('there')
    expect(plainText('Hi **{{user.firstName|there}}** [x](/y)', ctx())).toBe('Hi there x')
    expect(renderBlocks(undefined, ctx())).toBeNull()
  })

  it('for any input and any traits, the output has only allowed elements, attributes and link schemes', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        '**', '*', '_', '__', '\n', '\n\n', '- ', '1. ', '[', '](', ')', '{{', '}}', '|', 'user.', 'firstName',
        'javascript:', 'JAVASCRIPT:', 'java\tscript:', ' javascript:', 'data:', 'vbscript:', '//', '\\\\', 'https://x.io',
        'mailto:a@b.c', '/rel', '<script>', '<img onerror=x>', 'constructor', '__proto__', 'prototype', '"', "'",
      ),
    )
    const source = fc.array(piece, { maxLength: 25 }).map((parts) => parts.join(''))
    const traits = fc.dictionary(fc.constantFrom('firstName', 'site', 'constructor', '__proto__', 'n'), fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant('javascript:alert(1)')))
    fc.assert(
      fc.property(source, traits, (text, t) => {
        const div = dom(text, ctx(t))
        assertSafe(div)
      }),
      { numRuns: 300 },
    )
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})
