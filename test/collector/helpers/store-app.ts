import { afterAll, beforeAll } from 'vitest'
import type { Storage } from '@cairn/collector'
import { testApp } from './app.ts'
import type { StoreTarget } from './stores.ts'

type TestApp = ReturnType<typeof testApp>

/** The app of one suite over a fresh store of `target`, and a reader of the secret-key routes. */
export type StoreApp = {
  storage: Storage
  t: TestApp
  /** GET `path` with `Authorization: Bearer <key>` (the project's secret key by default). */
  get(path: string, key?: string): Promise<Response>
}

/**
 * Opens a store before the suite, builds the app over it (`options` as `testApp`'s) and lets `seed`
 * post the suite's events; closes the store after. Use inside `describeStores`.
 */
export function storeApp(
  target: StoreTarget,
  options: Omit<Parameters<typeof testApp>[0] & {}, 'storage'>,
  seed: (t: TestApp) => Promise<void> = async () => {},
): StoreApp {
  let cleanup: (() => Promise<void>) | undefined
  const suite = {
    get: (path: string, key = 'sk_test') => suite.t.app.request(path, { headers: { authorization: `Bearer ${key}` } }),
  } as StoreApp
  beforeAll(async () => {
    const opened = await target.open()
    cleanup = opened.cleanup
    suite.storage = opened.storage
    suite.t = testApp({ ...options, storage: opened.storage })
    await seed(suite.t)
  }, 60_000)
  afterAll(() => cleanup?.(), 30_000)
  return suite
}
