import { readdir, readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import * as collector from '@cairn/collector'
import { check, describe as describeProblems, flowSchema } from '@cairn/protocol'

describe('@cairn/collector public surface', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(collector).sort()).toEqual([
      'ConfigError', 'DEFAULT_RATE_LIMIT', 'DataDirLockedError', 'createApp', 'createFlowSource', 'createRateLimiter',
      'dashboardDir', 'demoConfig', 'identityHash', 'loadConfig', 'memoryDashboardFiles', 'openStorage', 'parseConfig', 'startCollector',
    ])
  })
})

describe('demo/flows', () => {
  it('holds only valid flows', async () => {
    const dir = new URL('../../demo/flows/', import.meta.url)
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json'))
    expect(files.length).toBeGreaterThanOrEqual(3)
    for (const file of files) {
      const result = check(flowSchema, JSON.parse(await readFile(new URL(file, dir), 'utf8')))
      expect(result.ok ? '' : `${file}: ${describeProblems(result.problems)}`).toBe('')
    }
  })
})
