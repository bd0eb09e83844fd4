import type { Storage } from '../storage/storage.ts'

/** What a flow's newest showing says of it: its kind and its step ids (tour steps, survey questions, checklist items). */
export type ShownParts = { kind?: string; steps?: string[] }

const NEWEST = `
SELECT e.data->'props' AS props
FROM events e
WHERE e.project_id = $1 AND e.flow_id = $2 AND e.type = 'flow_shown' AND jsonb_typeof(e.data->'props'->'steps') = 'array'
ORDER BY e.ts DESC
LIMIT 1`

/**
 * The kind and step ids of flow `id` as its newest `flow_shown` names them (`props.kind`,
 * `props.steps`, sent by the SDK since a flow shown with `show*({ … })` has no published definition
 * here); `{}` when no showing names them (older SDKs).
 */
export async function shownParts(storage: Storage, projectId: string, id: string): Promise<ShownParts> {
  const rows = await storage.query<{ props: { kind?: unknown; steps?: unknown } }>(NEWEST, [projectId, id])
  const props = rows[0]?.props
  const steps = props?.steps
  return {
    ...(typeof props?.kind == 'string' && { kind: props.kind }),
    ...(Array.isArray(steps) && steps.every((s) => typeof s == 'string') && { steps: [...new Set(steps as string[])] }),
  }
}
