import type { Problem } from '@cairn/protocol'

const MAX_REASON = 300

/**
 * Validation problems as one short line for a client. Drops valibot's "but received …" so no raw
 * input is echoed back, and caps the length (paths can carry client-chosen keys).
 */
export function reasonOf(problems: readonly Problem[]): string {
  const text = problems
    .map((p) => `${p.path.slice(0, 80)}: ${p.message.replace(/ but received [\s\S]*$/, '')}`)
    .join('; ')
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text
}
