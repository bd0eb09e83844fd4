import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { projectOfSecret } from '../../packages/collector/src/dashboard/secret-match.ts'
import { SESSION_TTL_MS, sessionToken, verifySessionToken } from '../../packages/collector/src/dashboard/session-token.ts'

const project = { id: 'acme', writeKey: 'pk_a', secretKey: 'sk_a', origins: [] }
const T = 1_800_000_000_000

describe('session tokens', () => {
  it('verify until they expire, then never', () => {
    const token = sessionToken(project, T)
    expect(verifySessionToken(project, token, T)).toBe(Math.floor((T + SESSION_TTL_MS) / 1000) * 1000)
    expect(verifySessionToken(project, token, T + SESSION_TTL_MS - 1000)).not.toBeNull()
    expect(verifySessionToken(project, token, T + SESSION_TTL_MS)).toBeNull()
  })

  it('verify on another collector with the same config, not with another project or a rotated key', () => {
    const token = sessionToken(project, T)
    expect(verifySessionToken({ ...project }, token, T)).not.toBeNull()
    expect(verifySessionToken({ ...project, id: 'other' }, token, T)).toBeNull()
    expect(verifySessionToken({ ...project, secretKey: 'sk_rotated' }, token, T)).toBeNull()
  })

  it('any change to a token makes it invalid', () => {
    const token = sessionToken(project, T)
    fc.assert(fc.property(fc.nat(token.length - 1), fc.string({ minLength: 1, maxLength: 1 }), (at, ch) => {
      fc.pre(token[at] !== ch)
      expect(verifySessionToken(project, token.slice(0, at) + ch + token.slice(at + 1), T)).toBeNull()
    }))
  })
})

describe('projectOfSecret', () => {
  const projects = [project, { ...project, id: 'b', secretKey: 'sk_b' }]
  it('finds the project of a secret key, and none for anything else', () => {
    expect(projectOfSecret(projects, 'sk_b')?.id).toBe('b')
    for (const key of ['', 'sk_', 'pk_a', 'sk_a ', 'sk_ab']) expect(projectOfSecret(projects, key)).toBeUndefined()
  })
})
