import type { Project } from '../config/config.ts'
import { openFlowDir, type FlowDir, type FlowSet } from './flow-dir.ts'

/** Flows by project, as the app reads them. */
export type FlowSource = {
  flowsFor(projectId: string): Promise<FlowSet>
  close(): void
}

const EMPTY: FlowSet = { flows: [], errors: [], findings: [] }

/** One watched flows folder per project that has a `flowsDir`. */
export function createFlowSource(projects: readonly Project[], opts: { log: (line: string) => void; recheckMs?: number }): FlowSource {
  const dirs = new Map<string, FlowDir>()
  for (const project of projects) {
    if (project.flowsDir !== undefined) dirs.set(project.id, openFlowDir(project.flowsDir, { ...opts, project }))
  }
  return {
    flowsFor: (projectId) => dirs.get(projectId)?.read() ?? Promise.resolve(EMPTY),
    close() {
      for (const dir of dirs.values()) dir.close()
    },
  }
}
