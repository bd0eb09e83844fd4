import * as v from 'valibot'
import { envelopeEntries } from './envelope.ts'
import { cssSelector, cta, longText, media, shortText } from './content.ts'

export const ANNOUNCEMENT_STYLES = ['modal', 'banner', 'slideout', 'hotspot'] as const
const isoDate = v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp such as 2026-11-22T09:00:00Z'))

export const announcementSchema = v.pipe(
  v.strictObject({
    ...envelopeEntries,
    kind: v.literal('announcement'),
    style: v.picklist(ANNOUNCEMENT_STYLES),
    title: shortText,
    body: v.optional(longText),
    media: v.optional(media),
    cta: v.optional(cta),
    /** The element a hotspot beacon sits on (hotspot only). */
    target: v.optional(cssSelector),
    /** Banner edge. @default 'top' */
    position: v.optional(v.picklist(['top', 'bottom'])),
    publishAt: v.optional(isoDate),
    expireAt: v.optional(isoDate),
    /** Also list it in the what's-new feed. @default false */
    feed: v.optional(v.boolean()),
    /**
     * "What's new since your last visit": below the body, list the feed's entries published since
     * the reader's last activity before this visit (pair it with a `trigger: { inactiveDays }`). @default false
     */
    digest: v.optional(v.boolean()),
  }),
  v.forward(v.check((a) => a.style !== 'hotspot' || a.target !== undefined, 'a hotspot needs a target selector'), ['target']),
  v.forward(
    v.check((a) => !a.publishAt || !a.expireAt || Date.parse(a.publishAt) < Date.parse(a.expireAt), 'expireAt must be after publishAt'),
    ['expireAt'],
  ),
)

export type AnnouncementFlow = v.InferOutput<typeof announcementSchema>
