import type { AnnouncementFlow, Flow } from '@cairn/protocol'

const STYLES = { modal: 1, banner: 1, slideout: 1, hotspot: 1 }

/**
 * The announcement's own fields, hand-checked (valibot would cost more than the widget): a title, a
 * known style, a target for a hotspot, media with alt text, a CTA with a label and a URL or a tour.
 */
export function checkAnnouncement(flow: Flow): string | undefined {
  const { title, style, target, media, cta } = flow as Partial<AnnouncementFlow>
  // The engine's what's-new feed (engine/feed.ts: FEED_FLOW), the one flow of this style. Its id is the
  // protocol's FEED_FLOW_ID written out: importing it here would split a chunk of its own off engine.js.
  if (flow.id === 'cairn-feed' && (style as string) === 'feed') return undefined
  if (typeof title !== 'string') return '$.title: must be text'
  if (typeof style !== 'string' || !Object.hasOwn(STYLES, style)) return '$.style: must be modal, banner, slideout or hotspot'
  if (style === 'hotspot' && typeof target !== 'string') return '$.target: a hotspot needs a target selector'
  if (media !== undefined && (typeof media?.src !== 'string' || typeof media.alt !== 'string')) return '$.media: must have src and alt'
  if (cta !== undefined && (typeof cta?.label !== 'string' || (typeof (cta as { url?: unknown }).url !== 'string' && typeof (cta as { tour?: unknown }).tour !== 'string'))) {
    return '$.cta: must have a label and a url or a tour'
  }
  return undefined
}
