import { matchAnyUrl, matchUrl, type Flow } from '@cairn/protocol'

/** How long the SDK waits for a step's target to appear when the step says nothing (`waitMs`). */
export const SDK_WAIT_MS = 5000

/** One target to look for: the step, its selector, its own page patterns, and whether the user clicks it to go on. */
export type Probe = { step: string; target: string; waitMs: number; urls: readonly string[]; click: boolean }
/** A flow's targets in the order a user meets them, and where it starts (its trigger's URLs). */
export type Walk = { flow: string; start: readonly string[]; probes: Probe[] }
/** Where to check a target: where the browser is, a page to open, or why there is none. */
export type Where = { stay: true } | { page: string } | { skipped: string }

const isPattern = (url: string) => url.includes('*')
const list = (url: string | readonly string[] | undefined) => (url === undefined ? [] : typeof url === 'string' ? [url] : url)

/**
 * Every target the flows point at: each tour's steps with a `target` in order (a step the user
 * advances by clicking its target is clicked, as the next step may only appear then), and each
 * hotspot announcement on its own.
 */
export function selectorWalks(flows: readonly Flow[]): Walk[] {
  const walks: Walk[] = []
  for (const flow of flows) {
    const start = list(flow.trigger?.url)
    if (flow.kind === 'tour') {
      const probes = flow.steps.flatMap((step) => step.target === undefined ? [] : [{
        step: step.id, target: step.target, waitMs: step.waitMs ?? SDK_WAIT_MS, urls: list(step.url), click: step.advanceOn === 'click',
      }])
      if (probes.length) walks.push({ flow: flow.id, start, probes })
    } else if (flow.kind === 'announcement' && flow.style === 'hotspot' && flow.target !== undefined) {
      walks.push({ flow: flow.id, start, probes: [{ step: 'hotspot', target: flow.target, waitMs: SDK_WAIT_MS, urls: [], click: false }] })
    }
  }
  return walks
}

/**
 * Where a target is checked, as the SDK would show its step: on the current page when the step's own
 * URL matches it (or the step has none and the walk has begun), else on the step's URL or, for the
 * first, the trigger's — a plain URL as it is, a pattern through a `--url-sample`.
 * @example where({ urls: ['/boards/*'] } as Probe, [], 'http://a/boards/7', 'http://a', new Map()) // { stay: true }
 */
export function where(probe: Probe, start: readonly string[], current: string | undefined, baseUrl: string, samples: ReadonlyMap<string, string>): Where {
  if (current !== undefined && (probe.urls.length === 0 || matchAnyUrl(probe.urls, current))) return { stay: true }
  const urls = probe.urls.length ? probe.urls : start
  if (urls.length === 0) return { skipped: 'no page: neither the step nor its trigger has a url' }
  for (const url of urls) {
    const visit = isPattern(url) ? samples.get(url) : url
    if (visit !== undefined) return { page: new URL(visit, baseUrl).href }
  }
  return { skipped: `cannot visit a pattern: give --url-sample ${JSON.stringify(`${urls[0]}=/a/real/path`)}` }
}

/** A sample: the pattern, then `=` and the URL, which starts with `/` or a scheme (a pattern's query may hold `=` too). */
const SAMPLE = /^(.+?)=((?:\/|https?:\/\/).*)$/

/**
 * `--url-sample "<pattern>=<url>"` values as a map.
 * @throws Error for a value that is not `<pattern>=<url>`, or a URL that does not match its pattern.
 */
export function parseSamples(values: readonly string[], baseUrl: string): Map<string, string> {
  return new Map(values.map((value) => {
    const [, pattern, url] = SAMPLE.exec(value) ?? []
    if (pattern === undefined || url === undefined) throw new Error(`--url-sample must be "<pattern>=<url>", the URL starting with / or http(s):// (got ${JSON.stringify(value)})`)
    if (!matchUrl(pattern, new URL(url, baseUrl).href)) throw new Error(`--url-sample ${JSON.stringify(value)}: ${JSON.stringify(url)} does not match the pattern`)
    return [pattern, url]
  }))
}
