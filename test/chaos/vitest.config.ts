import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// Not one of vite.config.ts's projects: a run takes several minutes per store, too long for `npm test`.
export default defineConfig({
  test: {
    name: 'chaos',
    root: resolve(import.meta.dirname, '../..'),
    environment: 'node',
    include: ['test/chaos/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
})
