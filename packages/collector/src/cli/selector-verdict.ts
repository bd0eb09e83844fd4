import type { Measure } from './probe-target.ts'

/** A checked target: `ok`, a failure the tour would suffer, or `skipped` (not visited). */
export type Verdict = { status: 'ok' | 'failed' | 'skipped'; detail: string }

/**
 * What a measure means for the step, first failure first: the target never appeared, matches more
 * than one element (the SDK uses the first, which may not be the one meant), is not visible, is
 * outside the page, or is covered by another element at its centre.
 * @example verdict({ count: 2, visible: true, inside: true }, 5000) // { status: 'failed', detail: 'matches 2 elements (the first is used)' }
 */
export function verdict(m: Measure | null, waitMs: number): Verdict {
  if (m === null) return { status: 'failed', detail: `not found after ${waitMs} ms` }
  if (m.count > 1) return { status: 'failed', detail: `matches ${m.count} elements (the first is used)` }
  if (!m.visible) return { status: 'failed', detail: 'not visible' }
  if (!m.inside) return { status: 'failed', detail: 'outside the page' }
  if (m.coveredBy !== undefined) return { status: 'failed', detail: `covered by ${m.coveredBy}` }
  return { status: 'ok', detail: 'ok' }
}
