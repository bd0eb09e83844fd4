import { FEED_FLOW_ID, matchUrl, type Flow } from '@cairn/protocol'
import { declaredMilestones } from '../results/milestones-declared.ts'
import { closest } from './closest.ts'

/** A valid flow file. */
export type CheckedFlow = { file: string; flow: Flow }
/** What the rules know of the project: its declared milestones and default language (absent: not known). */
export type CheckContext = { milestones?: readonly string[] | undefined; locale?: string | undefined; now: number; configured: boolean }
/** A finding of a rule, before it is placed at a line and column. */
export type RuleFinding = { file: string; path: string; severity: 'error' | 'warning'; message: string; suggestion?: string }

/** The keys whose values people read: where text direction and tokens are checked. */
const TEXT_KEYS = new Set(['title', 'body', 'prompt', 'description', 'label', 'lowLabel', 'highLabel', 'placeholder', 'alt'])
/** Languages written right to left (the primary subtag). */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv', 'sd', 'ug'])
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/
const LATIN_WORD = /\b[A-Za-z]{3,}\b/
const TOKEN = /\{\{([^}]*)\}\}/g

const isRtl = (tag: string) => RTL_LANGUAGES.has(tag.split('-')[0] as string)
const json = (value: unknown) => JSON.stringify(value)

/** Every text a reader sees in `content`, with its JSON path; `locales` (checked on their own) left out. */
function texts(content: unknown, path = '$'): { path: string; text: string }[] {
  if (Array.isArray(content)) return content.flatMap((item, i) => texts(item, `${path}[${i}]`))
  if (typeof content !== 'object' || content === null) return []
  return Object.entries(content).flatMap(([key, value]) => {
    if (key === 'locales') return []
    const at = `${path}.${key}`
    return typeof value === 'string' && TEXT_KEYS.has(key) ? [{ path: at, text: value }] : texts(value, at)
  })
}

/** Ids and reserved names: a flow id used twice (the later file loses), or the feed's own id. */
function identity(flows: readonly CheckedFlow[]): RuleFinding[] {
  const seen = new Map<string, string>()
  const out: RuleFinding[] = []
  for (const { file, flow } of flows) {
    if (flow.id === FEED_FLOW_ID) out.push({ file, path: '$.id', severity: 'error', message: `the flow id "${FEED_FLOW_ID}" is reserved for the what's-new feed` })
    else if (seen.has(flow.id)) out.push({ file, path: '$.id', severity: 'error', message: `the flow id "${flow.id}" is already used by ${seen.get(flow.id)}` })
    else seen.set(flow.id, file)
  }
  return out
}

/**
 * Milestones named by a trigger or a checklist item outside the list the config declares. Naming a
 * milestone in a flow declares it too, so without a list in the config there is nothing to compare
 * with; with one, a name outside it is most likely a typo of a tracked event and never happens.
 */
function milestones({ file, flow }: CheckedFlow, context: CheckContext): RuleFinding[] {
  const declared = context.milestones ?? []
  if (!context.configured || declared.length === 0) return []
  const named: { path: string; name: string }[] = []
  if (flow.trigger?.milestone) named.push({ path: '$.trigger.milestone', name: flow.trigger.milestone })
  if (flow.kind === 'checklist') {
    if (flow.milestone) named.push({ path: '$.milestone', name: flow.milestone })
    flow.items.forEach((item, i) => {
      if (item.completeOn && 'milestone' in item.completeOn) named.push({ path: `$.items[${i}].completeOn.milestone`, name: item.completeOn.milestone })
    })
  }
  return named.filter((m) => !declared.includes(m.name)).map((m) => {
    const suggestion = closest(m.name, declared)
    return {
      file, path: m.path, severity: 'error',
      message: `the milestone "${m.name}" is not declared in the config (it declares ${declared.join(', ')})`,
      ...(suggestion && { suggestion }),
    }
  })
}

/** A checklist action or a call to action starting a tour that no flow file defines. */
function tours({ file, flow }: CheckedFlow, tourIds: readonly string[]): RuleFinding[] {
  const started: { path: string; id: string }[] = []
  const cta = (value: unknown, path: string) => {
    if (typeof value === 'object' && value !== null && 'tour' in value && typeof value.tour === 'string') started.push({ path: `${path}.tour`, id: value.tour })
  }
  if (flow.kind === 'checklist') flow.items.forEach((item, i) => cta(item.action, `$.items[${i}].action`))
  if (flow.kind === 'announcement') cta(flow.cta, '$.cta')
  if (flow.kind === 'survey') cta(flow.thankYou?.cta, '$.thankYou.cta')
  return started.filter((s) => !tourIds.includes(s.id)).map((s) => {
    const suggestion = closest(s.id, tourIds)
    return { file, path: s.path, severity: 'error', message: `no tour has the id "${s.id}"`, ...(suggestion && { suggestion }) }
  })
}

/** A URL a pattern stands for: each `*` and `**` filled with a plain segment. */
const sampleOf = (pattern: string) => pattern.replace(/\*\*/g, 'x/x').replace(/\*/g, 'x')
/** Whether some URL matches both patterns, judged by each one's sample against the other. */
const overlaps = (a: string, b: string) => matchUrl(a, sampleOf(b)) || matchUrl(b, sampleOf(a))

/**
 * A tour whose first step is on a page its own trigger never fires on: it waits for that page
 * forever and never starts by itself. Later steps may be anywhere (a tour in progress is taken up
 * on the next step's page whatever its trigger says).
 */
function firstStepUrl({ file, flow }: CheckedFlow): RuleFinding[] {
  const trigger = flow.trigger?.url
  const first = flow.kind === 'tour' ? flow.steps[0]?.url : undefined
  if (trigger === undefined || first === undefined) return []
  const patterns = typeof trigger === 'string' ? [trigger] : trigger
  if (patterns.some((p) => overlaps(p, first))) return []
  return [{
    file, path: '$.steps[0].url', severity: 'error',
    message: `the first step's page ${json(first)} never matches the tour's trigger.url ${json(trigger)}, so the tour never starts by itself`,
  }]
}

/** A translation whose lists are longer (an extra step, question, item or option) or shorter (one missing) than the default content's. */
function localeShapes({ file, flow }: CheckedFlow): RuleFinding[] {
  const out: RuleFinding[] = []
  const compare = (base: unknown, local: unknown, path: string, tag: string) => {
    if (Array.isArray(local)) {
      if (!Array.isArray(base)) return
      if (local.length > base.length) out.push({ file, path, severity: 'error', message: `"${tag}" has ${local.length} entries where the default content has ${base.length}: the extra ones are never shown` })
      else if (local.length < base.length) out.push({ file, path, severity: 'warning', message: `"${tag}" has ${local.length} entries where the default content has ${base.length}: the rest show untranslated` })
      local.forEach((item, i) => compare(base[i], item, `${path}[${i}]`, tag))
    } else if (typeof local === 'object' && local !== null && typeof base === 'object' && base !== null) {
      for (const [key, value] of Object.entries(local)) {
        if (!(key in base)) out.push({ file, path: `${path}.${key}`, severity: 'warning', message: `"${tag}" translates "${key}", which the default content does not have` })
        else compare((base as Record<string, unknown>)[key], value, `${path}.${key}`, tag)
      }
    }
  }
  for (const [tag, local] of Object.entries(flow.locales ?? {})) compare(flow, local, `$.locales.${tag}`, tag)
  return out
}

/** Text in a script that runs the other way from the language it is declared in. */
function directions({ file, flow }: CheckedFlow, context: CheckContext): RuleFinding[] {
  const check = (tag: string, found: { path: string; text: string }[]): RuleFinding[] => found.flatMap(({ path, text }) => {
    if (!isRtl(tag) && RTL_LETTER.test(text)) return [{ file, path, severity: 'warning' as const, message: `right-to-left text in a flow whose locale "${tag}" is written left to right` }]
    if (isRtl(tag) && !RTL_LETTER.test(text) && LATIN_WORD.test(text)) return [{ file, path, severity: 'warning' as const, message: `left-to-right text in a flow whose locale "${tag}" is written right to left` }]
    return []
  })
  const own = flow.locale ?? context.locale ?? 'en'
  return [
    ...check(own, texts(flow)),
    ...Object.entries(flow.locales ?? {}).flatMap(([tag, local]) => check(tag, texts(local, `$.locales.${tag}`))),
  ]
}

/** Holdouts without a milestone, expired windows and tokens without a fallback. */
function details({ file, flow }: CheckedFlow, context: CheckContext, declared: ReadonlySet<string>): RuleFinding[] {
  const out: RuleFinding[] = []
  if (context.configured && flow.holdout && declared.size === 0) {
    out.push({ file, path: '$.holdout', severity: 'warning', message: 'a holdout is measured by milestones, and neither the config nor any flow declares one: its results will be empty' })
  }
  if (flow.kind === 'announcement' && flow.expireAt && Date.parse(flow.expireAt) <= context.now) {
    out.push({ file, path: '$.expireAt', severity: 'warning', message: `expired on ${flow.expireAt}: the announcement no longer shows` })
  }
  const everyText = [...texts(flow), ...Object.entries(flow.locales ?? {}).flatMap(([tag, local]) => texts(local, `$.locales.${tag}`))]
  for (const { path, text } of everyText) {
    for (const [token, inside] of text.matchAll(TOKEN)) {
      if (!(inside as string).includes('|')) {
        out.push({ file, path, severity: 'warning', message: `${token} has no fallback, so a user without it sees nothing there`, suggestion: `{{${(inside as string).trim()}|…}}` })
      }
    }
  }
  return out
}

/** Every check a schema cannot express, over the valid flows of one folder. */
export function flowRules(flows: readonly CheckedFlow[], context: CheckContext): RuleFinding[] {
  const tourIds = flows.filter((f) => f.flow.kind === 'tour').map((f) => f.flow.id)
  const declared = declaredMilestones(context.milestones, flows.map((f) => f.flow))
  return [
    ...identity(flows),
    ...flows.flatMap((f) => [...milestones(f, context), ...tours(f, tourIds), ...firstStepUrl(f), ...localeShapes(f), ...directions(f, context), ...details(f, context, declared)]),
  ]
}
