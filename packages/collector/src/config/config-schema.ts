import * as v from 'valibot'
import { LIMITS, localeTag } from '@cairn/protocol'

const projectId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1–64 lowercase letters, digits, "_" or "-"'))
const key = (prefix: string) => v.pipe(
  v.string(),
  v.regex(new RegExp(`^${prefix}_[A-Za-z0-9_-]{1,120}$`), `must be "${prefix}_" followed by letters, digits, "_" or "-"`),
)
const origin = v.pipe(
  v.string(),
  v.regex(/^https?:\/\/[^/\s?#]+$/, 'must be an origin such as "https://app.example.com" (scheme, host, optional port; no path)'),
)

const milestoneName = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.name))
const unique = (list: string[]) => new Set(list).size === list.length

/** One project in the config file. */
export const projectSchema = v.strictObject({
  id: projectId,
  name: v.optional(v.pipe(v.string(), v.maxLength(200))),
  /** Public: goes into the page; can send events and read flows. */
  writeKey: key('pk'),
  /** Private: reads results and errors; refused on ingest. */
  secretKey: key('sk'),
  /** Origins allowed to call the collector from a browser; empty or missing: any origin. */
  origins: v.optional(v.pipe(v.array(origin), v.maxLength(100)), []),
  /**
   * Origins whose pages may preview any of the project's flows with the write key
   * (`?cairn_preview=<flowId>`, `GET /v1/flows/:id`): your development and staging sites. Without
   * it a flow is previewed only with the secret key. README "Preview on the real page".
   */
  previewOrigins: v.optional(v.pipe(v.array(origin), v.maxLength(100)), []),
  /** Turns identity verification on: identify events and user state need HMAC-SHA256(identitySecret, userId). */
  identitySecret: v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters'))),
  /**
   * The language the project's flows are written in (`"fa"`): sent as the `locale` of each flow that
   * declares none, so its widgets take that direction, buttons and digits. Without it the SDK infers
   * a flow's language from the script of its text.
   */
  locale: v.optional(localeTag),
  /** Folder of flow JSON files, relative to the config file. */
  flowsDir: v.optional(v.pipe(v.string(), v.minLength(1))),
  /**
   * Activation milestones: tracked event names whose first occurrence per user is a milestone
   * (`sdk.track('created_first_project')`). Served to the SDK with the flows; listed in the results.
   */
  milestones: v.optional(v.pipe(v.array(milestoneName), v.maxLength(100), v.check(unique, 'milestone names must be unique')), []),
  /**
   * Tracked event names that make a user active for retention (`["card_created"]`); without it every
   * tracked event and identify does, never Cairn's own widget events. See docs/retention.md.
   */
  activeEvents: v.optional(v.pipe(v.array(milestoneName), v.minLength(1), v.maxLength(100), v.check(unique, 'event names must be unique'))),
  /** A numeric trait (e.g. `mrr`) whose sum over users gives revenue churn in the retention results. */
  revenueTrait: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.name))),
  /**
   * Days raw events are kept; older ones are deleted (and refused at ingest) while the projections
   * and rollups keep what they hold. Without it events are kept forever. See docs/storage.md, "Expiry".
   */
  keepEventsDays: v.optional(v.pipe(v.number(), v.integer('must be a whole number of days'), v.minValue(1), v.maxValue(36500))),
})

/** The config file (`cairn.config.json`). */
export const configSchema = v.strictObject({
  $schema: v.optional(v.string()),
  projects: v.pipe(v.array(projectSchema), v.minLength(1, 'needs at least one project')),
  /** Per project and client IP. `false` turns it off (e.g. behind a gateway that limits already). @default { perSecond: 50, burst: 200 } */
  rateLimit: v.optional(v.union([
    v.literal(false),
    v.strictObject({
      perSecond: v.pipe(v.number(), v.minValue(0.001)),
      burst: v.pipe(v.number(), v.integer(), v.minValue(1)),
    }),
  ])),
  /** Take the client IP from the first `X-Forwarded-For` hop (only behind a proxy you run). @default false */
  trustProxy: v.optional(v.boolean()),
})

export type ConfigFile = v.InferOutput<typeof configSchema>
