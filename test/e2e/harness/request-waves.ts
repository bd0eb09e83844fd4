import type { Page } from 'playwright-core'

/** What the page fetched, from its own Resource Timing: path, when it started and when its response ended. */
export type Fetched = { path: string; start: number; end: number }

export async function fetched(page: Page): Promise<Fetched[]> {
  return page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
  )
}

/**
 * Each request's wave: 1 + the highest wave among the requests whose response had ended before it
 * started; the HTML is wave 0. With a 100 ms round trip, requests started together begin within a
 * few ms of each other and none has ended by then.
 */
export function waves(list: Fetched[]): Map<string, number> {
  const wave = new Map<Fetched, number>()
  for (const entry of [...list].sort((a, b) => a.start - b.start)) {
    const before = [...wave].filter(([other]) => other.end <= entry.start).map(([, w]) => w)
    wave.set(entry, Math.max(0, ...before) + 1)
  }
  return new Map([...wave].map(([entry, w]) => [entry.path, w]))
}
