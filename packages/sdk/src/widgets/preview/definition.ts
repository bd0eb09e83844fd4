import type { Flow } from '@cairn/protocol'

const KINDS = ['tour', 'survey', 'checklist', 'announcement']
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/

/**
 * What a preview can show of a definition: a flow, or the problem that stops it, as `$.path: what`.
 * Only the envelope: each kind's own fields are its widget's to check (`check` of its chunk), which
 * the runtime reports as `invalid` with the path. Pure.
 * @example previewDefinition({ id: 'x', kind: 'poll' }) // '$.kind: must be one of tour, survey, checklist, announcement'
 */
export function previewDefinition(value: unknown): Flow | string {
  if (!value || typeof value != 'object' || Array.isArray(value)) return '$: must be a flow definition (an object)'
  const { id, kind } = value as { id?: unknown; kind?: unknown }
  if (typeof id != 'string' || !ID.test(id)) return '$.id: must be 1–128 letters, digits, "_", "-" or "."'
  if (typeof kind != 'string' || !KINDS.includes(kind)) return `$.kind: must be one of ${KINDS.join(', ')}`
  return value as Flow
}
