import type { Problem } from '@cairn/protocol'

const MAX_REASON = 300

/**
 * Validation problems as one short line for a client, without echoing raw input: valibot's
 * "but received …" is dropped, keys that are not plain identifiers show as `[…]`, and the length is
 * capped.
 */
export function reasonOf(problems: readonly Problem[]): string {
  const text = problems
    .map((p) => `${p.path.replace(/\["(?:[^"\\]|\\.)*"\]/g, '[…]').slice(0, 80)}: ${p.message.replace(/ but received [\s\S]*$/, '')}`)
    .join('; ')
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text
}
