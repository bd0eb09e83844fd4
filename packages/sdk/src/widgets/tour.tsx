import type { Flow, TourFlow } from '@cairn/protocol'
import { checkPages, type WidgetProps } from './runtime.ts'
import { StepCard } from './ui/step-card.tsx'

/**
 * Placeholder tour chunk: every step as a centered modal card with Back / Next / Done. The tour issue
 * replaces it with anchored, positioned steps (see `position.ts`).
 */
export default function Tour({ flow }: WidgetProps<TourFlow>) {
  return <StepCard pages={flow.steps} placement="center" />
}

/** Steps with titles: what this placeholder renders. */
export function check(flow: Flow): string | undefined {
  return checkPages(flow, 'steps', 'title')
}
