import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { safeLink } from '../../packages/sdk/src/content/safe-link.ts'

const PAGE = 'https://app.example.com/projects/1?tab=a'

describe('safeLink', () => {
  it.each([
    ['https://blog.example.com/post', 'https://blog.example.com/post', true],
    ['http://app.example.com/x', 'http://app.example.com/x', true],
    ['https://app.example.com/x', 'https://app.example.com/x', false],
    ['/docs', 'https://app.example.com/docs', false],
    ['./settings', 'https://app.example.com/projects/settings', false],
    ['../up', 'https://app.example.com/up', false],
    ['settings', 'https://app.example.com/projects/settings', false],
    ['?tab=b', 'https://app.example.com/projects/1?tab=b', false],
    ['#help', 'https://app.example.com/projects/1?tab=a#help', false],
    ['mailto:help@example.com', 'mailto:help@example.com', false],
    [' HTTPS://Blog.Example.com ', 'https://blog.example.com/', true],
  ])('accepts %j', (raw, href, external) => {
    expect(safeLink(raw, PAGE)).toEqual({ href, external })
  })

  it.each([
    'javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)',
    '\u0001javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)',
    'file:///etc/passwd', 'blob:https://app.example.com/uuid', 'ftp://example.com', '//evil.example/x', '\\\\evil.example/x',
    '/\\evil.example/x', 'http://[::1', 'tel:+123', 'chrome://settings',
  ])('rejects %j', (raw) => {
    expect(safeLink(raw, PAGE)).toBeUndefined()
  })

  it('property: whatever the input, an accepted link is http(s) or mailto and relative ones stay on the page origin', () => {
    const part = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('javascript:', 'data:', '//', '\\', '/', ':', '\t', '\n', ' ', 'http', 's://', 'mailto:', '%0a', '&#x3a;'))
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }).map((p) => p.join('')), (raw) => {
        const link = safeLink(raw, PAGE)
        if (!link) return
        const url = new URL(link.href)
        expect(['http:', 'https:', 'mailto:']).toContain(url.protocol)
        if (!/^[\s\0-\x1f]*(https?|mailto):/i.test(raw.replace(/[\t\n\r]/g, ''))) expect(url.origin).toBe('https://app.example.com')
      }),
      { numRuns: 500 },
    )
  })
})
