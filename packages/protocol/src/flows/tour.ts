import * as v from 'valibot'
import { LIMITS } from '../limits.ts'
import { envelopeEntries } from './envelope.ts'
import { cssSelector, itemId, longText, media, shortText, uniqueIds } from './content.ts'

export const PLACEMENTS = [
  'auto', 'top', 'top-start', 'top-end', 'bottom', 'bottom-start', 'bottom-end',
  'left', 'left-start', 'left-end', 'right', 'right-start', 'right-end',
] as const

export const tourStepSchema = v.strictObject({
  id: itemId,
  /** CSS selector of the element to anchor to; `>>>` pierces an open shadow root. No target: a centered step. */
  target: v.optional(cssSelector),
  title: shortText,
  body: v.optional(longText),
  /** Logical sides: `left`/`right` are mirrored on right-to-left pages. @default 'auto' */
  placement: v.optional(v.picklist(PLACEMENTS)),
  /** URL pattern of the page this step lives on; the tour waits there after a navigation. */
  url: v.optional(v.pipe(v.string(), v.maxLength(1024))),
  /** @default 'next' */
  advanceOn: v.optional(v.union([
    v.picklist(['next', 'click']),
    v.strictObject({ event: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.name)) }),
  ])),
  media: v.optional(media),
  /** @default true */
  showProgress: v.optional(v.boolean()),
  /** @default true */
  skippable: v.optional(v.boolean()),
  /** How long to wait for the target to appear, in ms. @default 5000 */
  waitMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60000))),
})

export const tourSchema = v.pipe(
  v.strictObject({
    ...envelopeEntries,
    kind: v.literal('tour'),
    steps: v.pipe(v.array(tourStepSchema), v.minLength(1), v.maxLength(50)),
    /** What to do when a step's target never appears: skip the step or pause the tour. @default 'skip' */
    onMissingTarget: v.optional(v.picklist(['skip', 'pause'])),
  }),
  v.forward(v.check((tour) => uniqueIds(tour.steps), 'step ids must be unique'), ['steps']),
)

export type TourStep = v.InferOutput<typeof tourStepSchema>
export type TourFlow = v.InferOutput<typeof tourSchema>
