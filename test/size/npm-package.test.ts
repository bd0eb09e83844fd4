import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './sizes.ts'

const PKG = join(ROOT, 'packages/sdk')
const manifest = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8')) as {
  sideEffects: boolean
  types: string
  exports: { '.': { '@cairn/source': string; types: string; default: string } }
}

/** The public surface of `@cairn/sdk` (values; types are checked by tsc). */
const PUBLIC = [
  'browserLifecycle', 'checklistStore', 'createClient', 'fetchTransport', 'init', 'manualClock', 'manualLifecycle', 'memoryLocks',
  'memoryStorage', 'recordingTransport', 'seededBytes', 'storageKeys', 'storageLease', 'surveyStore', 'systemClock', 'webLocks', 'webStorage',
]

describe('the npm package', () => {
  it('is side-effect free ESM with types, and every export target exists after the build', () => {
    expect(manifest.sideEffects).toBe(false)
    const targets = [manifest.types, ...Object.values(manifest.exports['.'])]
    for (const target of targets) expect(existsSync(join(PKG, target)), target).toBe(true)
  })

  it('exports the same public surface from the source and the built ESM', async () => {
    const source = await import('../../packages/sdk/src/index.ts')
    const built = (await import(join(PKG, manifest.exports['.'].default))) as Record<string, unknown>
    expect(Object.keys(source).sort()).toEqual(PUBLIC)
    expect(Object.keys(built).sort()).toEqual(PUBLIC)
  })

  it('`import { init } from "@cairn/sdk"` works on a server too (no window at import time)', async () => {
    const { init } = (await import(join(PKG, manifest.exports['.'].default))) as typeof import('../../packages/sdk/src/index.ts')
    const sdk = init({ key: 'pk_node' })
    sdk.track('imported')
    await expect(sdk.flush()).resolves.toBeUndefined()
  })
})
