import type { Project } from '../config/config.ts'
import type { Storage } from '../storage/storage.ts'
import { deleteBefore } from './keep-window.ts'

export type ExpiryOptions = {
  /** Time between runs. @default 10 minutes */
  everyMs?: number
  /** Most events one DELETE removes. @default 500 */
  batch?: number
  /** Pause between two DELETEs of a run, so ingest goes in between. @default 20 ms */
  pauseMs?: number
  now?: () => number
  log: (line: string) => void
}

/** A running expiry job. */
export type ExpiryJob = {
  /** Runs one pass now (or waits for the one running); resolves with the events deleted per project. */
  runNow(): Promise<Map<string, number>>
  /** Ends the job: no new DELETE starts; resolves when the one running is done. */
  stop(): Promise<void>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Deletes the raw events of every project with `keepEventsDays` once they are past its window (see
 * keep-window.ts), a first pass at start and then every `everyMs`. A pass deletes `batch` events per
 * statement, oldest first, with a pause between statements: on PGlite's single connection a big
 * DELETE would hold up every ingest behind it. A failed pass is logged and tried again next time.
 */
export function startEventExpiry(storage: Storage, projects: readonly Project[], opts: ExpiryOptions): ExpiryJob {
  const keeping = projects.filter((p) => p.keepEventsDays !== undefined)
  const everyMs = opts.everyMs ?? 600_000
  const batch = opts.batch ?? 500
  const pauseMs = opts.pauseMs ?? 20
  const now = opts.now ?? Date.now
  let stopped = false
  let running: Promise<Map<string, number>> | undefined
  let timer: NodeJS.Timeout | undefined

  const pass = async () => {
    const deleted = new Map<string, number>()
    for (const project of keeping) {
      const before = deleteBefore(now(), project.keepEventsDays ?? 0)
      let total = 0
      while (!stopped) {
        const n = await storage.expireEvents(project.id, before, batch)
        total += n
        if (n < batch) break
        await sleep(pauseMs)
      }
      deleted.set(project.id, total)
    }
    return deleted
  }
  const runNow = () => {
    clearTimeout(timer)
    return (running ??= pass()
      .catch((error: unknown) => {
        opts.log(`cairn expiry: deleting old events failed (${error instanceof Error ? error.message : String(error)}); trying again in ${everyMs / 1000} s`)
        return new Map<string, number>()
      })
      .finally(() => {
        running = undefined
        // unref: a pending pass never keeps a process alive that is otherwise done.
        if (!stopped) timer = setTimeout(() => void runNow(), everyMs).unref()
      }))
  }

  if (keeping.length > 0) void runNow()
  return {
    runNow,
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
