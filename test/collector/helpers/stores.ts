import { openStorage, type Storage } from '@cairn/collector'
import { describe } from 'vitest'
import { describePostgres, freshSchema } from './postgres.ts'

/** A store the storage suite runs against. */
export type StoreTarget = {
  name: string
  open(): Promise<{ storage: Storage; reopen(): Promise<Storage>; cleanup(): Promise<void> }>
}

const pglite: StoreTarget = {
  name: 'PGlite',
  async open() {
    const storage = await openStorage({ dataDir: 'memory://' })
    return { storage, reopen: () => Promise.reject(new Error('a memory:// PGlite cannot be reopened')), cleanup: () => storage.close() }
  },
}

const postgres: StoreTarget = {
  name: 'PostgreSQL',
  async open() {
    const schema = await freshSchema()
    const opened: Storage[] = []
    const open = async () => {
      const storage = await openStorage({ databaseUrl: schema.url, poolSize: 4 })
      opened.push(storage)
      return storage
    }
    return {
      storage: await open(),
      reopen: open,
      async cleanup() {
        await Promise.all(opened.map((s) => s.close()))
        await schema.drop()
      },
    }
  },
}

/** Runs `body` once per store: PGlite always, PostgreSQL when reachable (see describePostgres). */
export function describeStores(name: string, body: (target: StoreTarget) => void) {
  describe(`${name} (PGlite)`, () => body(pglite))
  describePostgres(`${name} (PostgreSQL)`, () => body(postgres))
}
