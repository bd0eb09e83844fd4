import type { AnnouncementFlow, Flow } from '@cairn/protocol'
import type { Placement, WidgetProps } from './runtime.ts'
import { StepCard } from './ui/step-card.tsx'

const PLACEMENT: Record<AnnouncementFlow['style'], Placement> = { modal: 'center', banner: 'top', slideout: 'corner', hotspot: 'corner' }

/**
 * Placeholder announcement chunk: title and body as a modal, a banner (top or bottom) or a corner
 * panel. The announcement issue replaces it with media, CTAs, hotspots and the what's-new feed.
 */
export default function Announcement({ flow }: WidgetProps<AnnouncementFlow>) {
  const placement = flow.style === 'banner' && flow.position === 'bottom' ? 'bottom' : PLACEMENT[flow.style]
  return <StepCard pages={[{ title: flow.title, body: flow.body }]} placement={placement} />
}

/** A title and a known style: what this placeholder renders. */
export function check(flow: Flow): string | undefined {
  const { title, style } = flow as Partial<AnnouncementFlow>
  if (typeof title !== 'string') return '$.title: must be text'
  return style && Object.hasOwn(PLACEMENT, style) ? undefined : '$.style: must be modal, banner, slideout or hotspot'
}
