import type { TourFlow } from '@cairn/protocol'
import type { WidgetProps } from './runtime.ts'
import { StepCard } from './ui/step-card.tsx'

/**
 * Placeholder tour chunk: every step as a centered modal card with Back / Next / Done. The tour issue
 * replaces it with anchored, positioned steps (see `position.ts`).
 */
export default function Tour({ flow }: WidgetProps<TourFlow>) {
  return <StepCard pages={flow.steps} placement="center" />
}
