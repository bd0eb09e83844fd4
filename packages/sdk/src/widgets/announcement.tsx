import type { AnnouncementFlow } from '@cairn/protocol'
import { useEffect, useState } from 'preact/hooks'
import { Surface, type Placement, type WidgetProps } from './runtime.ts'
import { AnnouncementBody, type Finish } from './announcement/body.tsx'
import { CtaLink } from './announcement/cta-link.tsx'
import { checkAnnouncement } from './announcement/check.ts'
import { Hotspot } from './announcement/hotspot.tsx'
import type { FeedLive } from './announcement/live-feed.tsx'
import { ANNOUNCEMENT_CSS } from './announcement/styles.ts'

const PLACEMENT = { modal: 'center', banner: 'top', slideout: 'corner' } as const

/**
 * The announcement widget: a centered modal (focus trapped), a banner at the top or bottom of the
 * viewport (fixed: it moves nothing in the page), a slide-out corner panel, or a pulsing hotspot
 * beacon on `target` that opens it as a tooltip. What is reported: `shown` (a view), `step`
 * `cta` (the call to action followed — a URL opened or a tour started through the engine; then
 * `completed`), `step` `open` (a hotspot opened),
 * `completed` (Done) and `dismissed` (× or Esc). With `digest: true` it lists, below its body, the
 * feed's entries published while the reader was away (since their last activity before this visit).
 * The engine's what's-new feed (`style: 'feed'`, see `engine/feed.ts`) is drawn here too.
 */
export default function Announcement({ flow, env, live }: WidgetProps<AnnouncementFlow>) {
  const [ids] = useState(() => ({ title: env.id('title'), body: env.id('body') }))
  const finish = (how: Finish) => {
    if (how === 'cta') env.emit({ type: 'step', stepIndex: 0, stepId: 'cta' })
    if (how === 'close' || how === 'escape') env.end('dismissed', { stepIndex: 0, reason: how })
    else env.end('completed', { stepIndex: 0, ...(how === 'cta' && { reason: how }) })
    // After the end, so that a modal announcement has freed the screen the tour needs.
    if (how === 'cta' && flow.cta && 'tour' in flow.cta) live?.start(flow.cta.tour, 'tour')
  }
  const modal = flow.style === 'modal'
  const feed = (flow.style as string) === 'feed'
  // A modal takes focus and is read out; a banner or a slide-out tells screen readers it arrived.
  useEffect(() => void (modal || feed || flow.style === 'hotspot' || env.announce(env.plain(flow.title))), [])

  const [whatsNew, setWhatsNew] = useState<typeof import('./announcement/whats-new.ts')>()
  const wanted = !!live?.feed && (feed || !!flow.digest)
  // A chunk that fails to load is the widget failing.
  useEffect(() => void (wanted && import('./announcement/whats-new.ts').then(setWhatsNew, env.fail)), [])

  // The feed's links are drawn by this chunk's CtaLink, handed in (see FeedListProps.Cta).
  if (feed) return whatsNew ? <whatsNew.LiveFeed id={flow.id} live={live as FeedLive} Cta={CtaLink} /> : null
  // A digest shows once its list can.
  if (wanted && !whatsNew) return null
  const extra = whatsNew ? <whatsNew.Digest live={live as FeedLive} Cta={CtaLink} /> : null
  if (flow.style === 'hotspot') return <Hotspot flow={flow as HotspotFlow} ids={ids} finish={finish}>{extra}</Hotspot>
  const placement: Placement = flow.style === 'banner' && flow.position === 'bottom' ? 'bottom' : PLACEMENT[flow.style]
  return (
    <Surface placement={placement} labelledBy={ids.title} describedBy={flow.body ? ids.body : undefined} onDismiss={finish}>
      <AnnouncementBody flow={flow} ids={ids} finish={finish}>{extra}</AnnouncementBody>
    </Surface>
  )
}

type HotspotFlow = AnnouncementFlow & { target: string }

/** The announcement's own fields (see `checkAnnouncement`). */
export const check = checkAnnouncement

/** The announcement's stylesheet: media, the call to action, the hotspot beacon. */
export const css = ANNOUNCEMENT_CSS
