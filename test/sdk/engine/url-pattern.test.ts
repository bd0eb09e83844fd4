import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matchAnyUrl, matchUrl } from '../../../packages/sdk/src/engine/index.ts'

describe('matchUrl', () => {
  it.each([
    ['/projects', '/projects', true],
    ['/projects', '/projects/', true],
    ['/projects/', '/projects', true],
    ['/projects', '/projects/1', false],
    ['/projects/*', '/projects/42', true],
    ['/projects/*', '/projects/42/settings', false],
    ['/projects/*/settings', '/projects/42/settings', true],
    ['/projects/**', '/projects/42/settings', true],
    ['/projects/**', '/projects', true],
    ['/projects/**', '/projectsx', false],
    ['/**/settings', '/a/b/settings', true],
    ['/p-*', '/p-1', true],
    ['/p-*', '/q-1', false],
    ['/', 'https://app.example.com/', true],
    ['/', 'https://app.example.com', true],
    ['/projects/*', 'https://app.example.com/projects/7?tab=a#top', true],
    ['/a.b', '/aXb', false],
    ['/a+(b)', '/a+(b)', true],
    ['/search?q', '/search?q=cats', true],
    ['/search?q', '/search', false],
    ['/search?q=cats', '/search?page=2&q=cats', true],
    ['/search?q=cats', '/search?q=dogs', false],
    ['/search?q=c*', '/search?q=cats', true],
    ['/search?q=', '/search?q=', true],
    ['/search?q=', '/search?q=x', false],
    ['/search?q=a%20b', '/search?q=a+b', true],
    ['/app#/inbox/*', '/app#/inbox/3', true],
    ['/app#/inbox/*', '/app#/settings', false],
    ['/app', '/app#/anything', true],
    ['/Projects', '/projects', false],
  ])('%s against %s is %s', (pattern, url, expected) => {
    expect(matchUrl(pattern, url)).toBe(expected)
  })

  it('matches any of a list', () => {
    expect(matchAnyUrl(['/a', '/b/*'], '/b/1')).toBe(true)
    expect(matchAnyUrl(['/a', '/b/*'], '/c')).toBe(false)
    expect(matchAnyUrl('/a', '/a')).toBe(true)
  })

  const segment = fc.stringMatching(/^[a-z0-9_.()+$^-]{1,8}$/)
  const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => `/${s.join('/')}`)

  it('a pattern without wildcards matches exactly its own path (special characters are literal)', () => {
    fc.assert(fc.property(path, path, (a, b) => matchUrl(a, b) === (a === b)))
  })

  it('`**` matches every path under its prefix, `*` only one segment deep', () => {
    fc.assert(
      fc.property(path, path, (prefix, rest) => {
        expect(matchUrl(`${prefix}/**`, `${prefix}${rest}`)).toBe(true)
        expect(matchUrl(`${prefix}/*`, `${prefix}${rest}`)).toBe(rest.split('/').length === 2)
      }),
    )
  })

  it('query and fragment of the URL are ignored by a path-only pattern', () => {
    fc.assert(fc.property(path, fc.string(), fc.string(), (p, q, h) => matchUrl(p, `${p}?${encodeURIComponent(q)}#${h}`)))
  })

  it('never throws, whatever the input', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (p, u) => typeof matchUrl(p, u) === 'boolean'))
  })
})
