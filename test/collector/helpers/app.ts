import type { Flow } from '@cairn/protocol'
import { createApp, parseConfig, type DashboardFiles, type FlowSource, type Storage } from '@cairn/collector'
import { fakeStorage } from './fake-storage.ts'

/** Two projects: `test` (any origin) and `locked` (one origin, identity verification on). */
export const CONFIG_JSON = {
  projects: [
    { id: 'test', writeKey: 'pk_test', secretKey: 'sk_test' },
    {
      id: 'locked', writeKey: 'pk_locked', secretKey: 'sk_locked', origins: ['https://app.example.com'],
      identitySecret: 'a-long-identity-secret',
    },
  ],
  rateLimit: false,
}

/** A flow source that serves these flows to every project. */
export const flowSource = (flows: Flow[]): FlowSource => ({ flowsFor: async () => ({ flows, errors: [], findings: [] }), close() {} })

export const noFlows = flowSource([])

type Options = {
  storage?: Storage
  flows?: FlowSource
  config?: Record<string, unknown>
  now?: () => number
  ip?: string
  dashboard?: DashboardFiles
}

/** The app over a fake (or given) storage, with helpers to post batches and read JSON. */
export function testApp(opts: Options = {}) {
  const fake = fakeStorage()
  const storage = opts.storage ?? fake.storage
  const logs: string[] = []
  const config = parseConfig({ ...CONFIG_JSON, ...opts.config }, 'test.config.json', process.cwd())
  const app = createApp({
    config,
    storage,
    flows: opts.flows ?? noFlows,
    now: opts.now ?? Date.now,
    clientIp: (c) => c.req.header('x-test-ip') ?? opts.ip ?? '10.0.0.1',
    log: (line) => logs.push(line),
    ...(opts.dashboard && { dashboard: opts.dashboard }),
  })
  const post = (body: unknown, init: { headers?: Record<string, string> } = {}) =>
    app.request('/v1/batch', {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...init.headers },
    })
  return { app, post, fake, logs }
}
