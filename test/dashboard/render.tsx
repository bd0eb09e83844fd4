import { cleanup, render } from '@testing-library/preact'
import type { ComponentChildren } from 'preact'
import { afterEach } from 'vitest'
import { DashboardContext, LocaleContext } from '../../packages/dashboard/src/components/context.ts'
import { createDashboard } from '../../packages/dashboard/src/create-dashboard.ts'
import { createLocale, type Lang } from '../../packages/dashboard/src/i18n/locale.ts'

afterEach(() => cleanup())

/** A fetch that answers from a table of paths (`GET /v1/results/flows` → body), recording every call. */
export function fakeFetch(routes: Record<string, unknown | ((init: RequestInit | undefined, url: URL) => Response)>) {
  const calls: { url: URL; init: RequestInit | undefined }[] = []
  const fetcher = (async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://collector.test')
    calls.push({ url, init })
    const key = `${init?.method ?? 'GET'} ${url.pathname}`
    const route = routes[key]
    if (route === undefined) return new Response(JSON.stringify({ error: 'not_found', details: `no fake for ${key}` }), { status: 404 })
    if (typeof route === 'function') return (route as (i: RequestInit | undefined, u: URL) => Response)(init, url)
    return new Response(JSON.stringify(route), { status: 200, headers: { 'content-type': 'application/json' } })
  }) as typeof fetch
  return { fetcher, calls }
}

/** Renders inside a dashboard (its own stores over `fetcher`) in a language, at a URL. */
export function renderIn(ui: ComponentChildren, opts: { lang?: Lang; url?: string; fetcher?: typeof fetch } = {}) {
  window.history.replaceState(null, '', opts.url ?? '/dashboard/')
  const dashboard = createDashboard(window, opts.fetcher ?? fakeFetch({}).fetcher, () => Date.parse('2026-12-03T12:00:00Z'))
  const locale = createLocale(opts.lang ?? 'en')
  const result = render(
    <DashboardContext.Provider value={dashboard}>
      <LocaleContext.Provider value={locale}>{ui}</LocaleContext.Provider>
    </DashboardContext.Provider>,
  )
  return { ...result, dashboard }
}

/** The cells of a figure's data table, row by row, as shown. */
export const tableText = (figure: Element) =>
  [...figure.querySelectorAll('table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent))

/** Each raw value the table holds (`data-value`), row by row. */
export const tableValues = (figure: Element) =>
  [...figure.querySelectorAll('table tbody tr')].map((tr) => [...tr.children].map((c) => c.getAttribute('data-value')))
