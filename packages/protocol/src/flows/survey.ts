import * as v from 'valibot'
import { LIMITS } from '../limits.ts'
import { envelopeEntries } from './envelope.ts'
import { cta, itemId, longText, shortText, uniqueIds } from './content.ts'

export const QUESTION_TYPES = ['nps', 'pmf', 'csat', 'ces', 'rating', 'single', 'multi', 'text'] as const
/** The PMF question's fixed answers, in order; `not_using` is left out of the PMF share. */
export const PMF_ANSWERS = ['very', 'somewhat', 'not', 'not_using'] as const

/**
 * Follow-up logic: the first branch whose condition matches the answer picks the next question
 * (`goto` a question id, or `"end"`); with no match the next question in order follows.
 */
const branch = v.strictObject({
  /** Numeric answers: inclusive range. */
  min: v.optional(v.number()),
  max: v.optional(v.number()),
  /** Choice answers (single, multi, pmf): any of these option ids. */
  in: v.optional(v.pipe(v.array(v.string()), v.maxLength(100))),
  goto: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
})

const base = {
  id: itemId,
  prompt: shortText,
  description: v.optional(longText),
  /** @default false */
  required: v.optional(v.boolean()),
  next: v.optional(v.pipe(v.array(branch), v.maxLength(20))),
}
const scaleLabels = {
  lowLabel: v.optional(shortText),
  highLabel: v.optional(shortText),
}
const option = v.strictObject({ id: itemId, label: shortText })
const choice = {
  options: v.pipe(v.array(option), v.minLength(1), v.maxLength(50)),
  /** Offer an "Other" option with a text field. */
  other: v.optional(v.boolean()),
  /** Shuffle option order per user (deterministic). */
  shuffle: v.optional(v.boolean()),
}

export const questionSchema = v.variant('type', [
  v.strictObject({ ...base, ...scaleLabels, type: v.literal('nps') }),
  v.strictObject({ ...base, type: v.literal('pmf') }),
  v.strictObject({ ...base, ...scaleLabels, type: v.literal('csat') }),
  v.strictObject({ ...base, ...scaleLabels, type: v.literal('ces') }),
  v.strictObject({
    ...base,
    ...scaleLabels,
    type: v.literal('rating'),
    /** Highest value (lowest is 1). @default 5 */
    scale: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(10))),
    /** @default 'stars' */
    display: v.optional(v.picklist(['stars', 'numbers'])),
  }),
  v.strictObject({ ...base, ...choice, type: v.literal('single') }),
  v.strictObject({ ...base, ...choice, type: v.literal('multi') }),
  v.strictObject({
    ...base,
    type: v.literal('text'),
    multiline: v.optional(v.boolean()),
    maxLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.string))),
    placeholder: v.optional(shortText),
  }),
])

export const surveySchema = v.pipe(
  v.strictObject({
    ...envelopeEntries,
    kind: v.literal('survey'),
    questions: v.pipe(v.array(questionSchema), v.minLength(1), v.maxLength(30)),
    thankYou: v.optional(v.strictObject({ title: shortText, body: v.optional(longText), cta: v.optional(cta) })),
    /** Corner pop-up or centered modal. @default 'popover' */
    display: v.optional(v.picklist(['popover', 'modal'])),
    /** Share of eligible users asked, deterministic per user. @default 1 */
    sample: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
    /** Ask again after this many days (NPS default 90). */
    reaskAfterDays: v.optional(v.pipe(v.number(), v.minValue(0))),
  }),
  v.forward(v.check((s) => uniqueIds(s.questions), 'question ids must be unique'), ['questions']),
  v.forward(
    v.check((s) => {
      const ids = new Set(s.questions.map((q) => q.id))
      return s.questions.every((q) => (q.next ?? []).every((b) => b.goto === 'end' || ids.has(b.goto)))
    }, 'every branch must go to a question id of this survey or "end"'),
    ['questions'],
  ),
)

export type Question = v.InferOutput<typeof questionSchema>
export type QuestionType = (typeof QUESTION_TYPES)[number]
export type SurveyFlow = v.InferOutput<typeof surveySchema>
