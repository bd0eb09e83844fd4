import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_RATE_LIMIT, type Config } from './config.ts'

/** The repository's `demo/flows`, copied into this package by `npm run build` (same place from `src/` and `dist/`). */
const PACKAGED_FLOWS = fileURLToPath(new URL('../../demo-flows', import.meta.url))

/** `demo/flows` under the working directory when there is one, else the copy inside this package. */
export function demoFlowsDir(cwd = process.cwd()): string {
  const local = resolve(cwd, 'demo/flows')
  return existsSync(local) ? local : PACKAGED_FLOWS
}

/** The demo app's origins (`npm start`), where its flows may be previewed with the write key. */
const DEMO_PAGES = ['http://127.0.0.1:5173', 'http://localhost:5173']

/** The project a collector runs without a config file: public demo keys, any origin; previews from the demo app. */
export function demoConfig(flowsDir = demoFlowsDir()): Config {
  return {
    projects: [{ id: 'demo', name: 'Demo', writeKey: 'pk_demo', secretKey: 'sk_demo', origins: [], previewOrigins: DEMO_PAGES, flowsDir }],
    rateLimit: DEFAULT_RATE_LIMIT,
    trustProxy: false,
  }
}
