import * as v from 'valibot'
import { LIMITS } from '../limits.ts'
import { ruleSchema } from './rule.ts'
import { triggerSchema } from './trigger.ts'

/** The four widget kinds. */
export const FLOW_KINDS = ['tour', 'checklist', 'survey', 'announcement'] as const
export type FlowKind = (typeof FLOW_KINDS)[number]

export const flowId = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/, 'must be 1–128 letters, digits, "_", "-" or "." and start with a letter or digit'),
)

/**
 * How often a flow may show: `once` (never again after shown), `until_completed` (again on later
 * visits until finished; dismissing counts as finished unless `dismissal: 'snooze'`), or every N days.
 */
export const frequencySchema = v.union([
  v.picklist(['once', 'until_completed']),
  v.strictObject({ everyDays: v.pipe(v.number(), v.minValue(0)) }),
])
export type Frequency = v.InferOutput<typeof frequencySchema>

/** A BCP 47 language tag as flows and the collector's config write it. */
export const localeTag = v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 tag such as "fa" or "pt-BR"'))

/** Fields every flow has, whatever its kind. */
export const envelopeEntries = {
  /** Lets editors find the JSON Schema: `"$schema": "…/packages/protocol/schema/flow.json"`. */
  $schema: v.optional(v.pipe(v.string(), v.maxLength(1024))),
  id: flowId,
  name: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.name))),
  /** Bumped by the team when content changes; reported with every event. */
  version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  trigger: v.optional(triggerSchema),
  audience: v.optional(ruleSchema),
  /** @default 'once' */
  frequency: v.optional(frequencySchema),
  /** Higher shows first when several flows want the screen. @default 0 */
  priority: v.optional(v.pipe(v.number(), v.integer(), v.minValue(-1000), v.maxValue(1000))),
  /** Share of eligible users deterministically kept out, to measure the flow's effect. @default 0 */
  holdout: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(0.95))),
  /** Locale the content is written in. @default 'en' */
  locale: v.optional(localeTag),
  /**
   * Per-locale overrides of the content fields, merged over the defaults: strings replace, arrays
   * merge item by item (`{ "fa": { "steps": [{ "title": "…" }] } }`).
   */
  locales: v.optional(v.record(localeTag, v.record(v.string(), v.unknown()))),
  /**
   * Drawn by the host app, not by Cairn: the SDK still decides, schedules, tracks and syncs it, and
   * the app renders it from `sdk.stores` and reports what the user did (docs/headless.md). @default false
   */
  headless: v.optional(v.boolean()),
}

/** Only the envelope: what the SDK core checks before a widget chunk checks the kind fields. */
export const envelopeSchema = v.looseObject({ ...envelopeEntries, kind: v.picklist(FLOW_KINDS) })
export type FlowEnvelope = v.InferOutput<typeof envelopeSchema>
