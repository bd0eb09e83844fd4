// @vitest-environment node
import { describe, expect, it } from 'vitest'

describe('server-side rendering', () => {
  it('imports without window or document, and init() returns an SDK that stores and sends nothing', async () => {
    expect(typeof window).toBe('undefined')
    const { init } = await import('../../../packages/sdk/src/index.ts')
    const sdk = init({ key: 'pk_ssr', endpoint: 'https://collector.example', user: { id: 'u1' } })
    sdk.identify('u2')
    sdk.track('rendered')
    expect(typeof sdk.on('milestone', () => {})).toBe('function')
    await expect(sdk.flush()).resolves.toBeUndefined()
    sdk.reset()
    sdk.optOut()
    sdk.destroy()
  })
})
