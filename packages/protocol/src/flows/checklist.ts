import * as v from 'valibot'
import { LIMITS } from '../limits.ts'
import { envelopeEntries } from './envelope.ts'
import { itemId, longText, safeUrl, shortText, uniqueIds } from './content.ts'

export const checklistItemSchema = v.strictObject({
  id: itemId,
  title: shortText,
  description: v.optional(longText),
  /**
   * Ticked when the event was tracked `count` times (default 1), or when the milestone was reached;
   * without it the user ticks the item by hand.
   */
  completeOn: v.optional(v.union([
    v.strictObject({
      event: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.name)),
      count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    }),
    v.strictObject({ milestone: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.name)) }),
  ])),
  /** What clicking the item does: start a tour or open a URL. */
  action: v.optional(v.union([
    v.strictObject({ tour: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.id)) }),
    v.strictObject({ url: safeUrl }),
  ])),
})

export const checklistSchema = v.pipe(
  v.strictObject({
    ...envelopeEntries,
    kind: v.literal('checklist'),
    title: shortText,
    body: v.optional(longText),
    items: v.pipe(v.array(checklistItemSchema), v.minLength(1), v.maxLength(30)),
    /** Milestone recorded when every item is done. */
    milestone: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.name))),
    /** @default true */
    dismissible: v.optional(v.boolean()),
  }),
  v.forward(v.check((list) => uniqueIds(list.items), 'item ids must be unique'), ['items']),
)

export type ChecklistItem = v.InferOutput<typeof checklistItemSchema>
export type ChecklistFlow = v.InferOutput<typeof checklistSchema>
