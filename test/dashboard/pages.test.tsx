import { screen, within } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { ActivationView, RetentionView } from '../../packages/dashboard/src/pages/Retention.tsx'
import { OverviewView } from '../../packages/dashboard/src/pages/Overview.tsx'
import { SurveyView } from '../../packages/dashboard/src/pages/Survey.tsx'
import { TourView } from '../../packages/dashboard/src/pages/Tour.tsx'
import { ChecklistView } from '../../packages/dashboard/src/pages/Checklist.tsx'
import { MilestonesView } from '../../packages/dashboard/src/pages/Milestones.tsx'
import { ExperimentView } from '../../packages/dashboard/src/pages/Experiments.tsx'
import { activation, checklist, funnel, holdout, milestones, overview, retention, survey } from './fixtures.ts'
import { renderIn, tableText, tableValues } from './render.tsx'

const figure = (title: RegExp | string) => screen.getByText(title, { selector: '.figure-title' }).closest('figure')!

describe('Overview', () => {
  it('shows the headline numbers, each linking to its page', () => {
    renderIn(<OverviewView data={overview} />)
    expect(screen.getByText('130').closest('a')!.getAttribute('href')).toBe('/dashboard/retention')
    expect(screen.getByText('+8.3% vs the previous week')).toBeTruthy()
    expect(screen.getByText('83%').closest('a')).toBeTruthy()
    expect(screen.getByText('32').closest('a')!.getAttribute('href')).toBe('/dashboard/surveys/nps-quarterly')
    expect(screen.getByText('± 8.1 points, n = 140')).toBeTruthy()
    expect(screen.getByText('42%').closest('a')!.getAttribute('href')).toBe('/dashboard/surveys/pmf-survey')
    expect(screen.getByText('40% bar')).toBeTruthy()
    expect(tableText(figure('New users reaching milestones'))).toEqual([['activated', '22', '15', '68%']])
    const flows = figure('Flows that reached most people')
    expect(within(flows).getByRole('link', { name: 'welcome-tour' }).getAttribute('href')).toBe('/dashboard/tours/welcome-tour')
    expect(within(flows).queryByRole('link', { name: 'dark-mode' })).toBeNull()
  })

  it('keeps the project and filters in its links', () => {
    renderIn(<OverviewView data={overview} />, { url: '/dashboard/?project=acme&where=plan%3Apro&lang=fa' })
    expect(screen.getAllByRole('link')[0]!.getAttribute('href')).toBe('/dashboard/retention?project=acme&where=plan%3Apro')
  })

  it('without any activity says what to do', () => {
    renderIn(<OverviewView data={{ ...overview, active: { now: 0, previous: 0, change: null }, topFlows: [] }} />)
    expect(screen.getByText(/Install the SDK and send events/)).toBeTruthy()
  })

  it('without NPS or PMF answers says so', () => {
    renderIn(<OverviewView data={{ ...overview, nps: null, pmf: null }} />)
    expect(screen.getByText('No NPS answers yet')).toBeTruthy()
    expect(screen.getByText('No PMF answers yet')).toBeTruthy()
  })
})

describe('Retention', () => {
  it('draws CRR and churn per period, with the table', () => {
    renderIn(<RetentionView data={retention} />)
    const crr = figure('Retention and churn by week')
    expect(tableText(crr)[2]).toEqual(['Nov 30', '120', '130', '30', '83.3%', '16.7%'])
    expect(tableValues(crr)[2]).toEqual(['2026-11-30', '120', '130', '30', '0.8333', '0.1667'])
    // Two lines, one dot per period each, y on a 0–1 domain of a 200 px plot.
    const dots = crr.querySelectorAll('.plot .series-crr circle')
    expect([...dots].map((d) => d.getAttribute('data-value'))).toEqual(['0.9', '0.8182', '0.8333'])
    expect(Number(dots[0]!.getAttribute('cy'))).toBeCloseTo(200 * (1 - 0.9))
  })

  it('puts dormant users below the zero line', () => {
    renderIn(<RetentionView data={retention} />)
    const life = figure(/^Lifecycle/)
    const zero = Number(life.querySelector('line.zero')!.getAttribute('y1'))
    for (const rect of life.querySelectorAll('.plot .series-dormant rect')) expect(Number(rect.getAttribute('y'))).toBeCloseTo(zero)
    for (const rect of life.querySelectorAll('.plot .series-new rect')) expect(Number(rect.getAttribute('y')) + Number(rect.getAttribute('height'))).toBeCloseTo(zero)
    expect(tableText(life)[1]).toEqual(['Nov 23', '22', '90', '8', '-20'])
  })

  it('prints every cohort share in the heat map, marks incomplete cells, and has the average row', () => {
    renderIn(<RetentionView data={retention} />)
    const heat = document.querySelector('table.heatmap')!
    const rows = [...heat.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent))
    expect(rows[0]).toEqual(['Nov 16', '40', '100%', '55%', '45% (period not over yet)'])
    expect(rows[1]).toEqual(['Nov 23', '30', '100%', '40% (period not over yet)', ''])
    expect(heat.querySelectorAll('td.incomplete')).toHaveLength(2)
    expect(heat.querySelector('td.heat-5')!.textContent).toBe('100%')
    expect([...heat.querySelectorAll('tfoot td')].map((c) => c.textContent)).toEqual(['', '100%', '49%', '45%'])
  })

  it('switches "on" / "on or after" through the URL', () => {
    const { dashboard } = renderIn(<RetentionView data={retention} />)
    screen.getByLabelText('On or after').click()
    expect(dashboard.nav.$filters.get().mode).toBe('unbounded')
    expect(window.location.search).toBe('?mode=unbounded')
  })

  it('mirrors the axes right to left, the data unchanged', () => {
    renderIn(<RetentionView data={retention} />)
    const ltr = [...figure('Retention and churn by week').querySelectorAll('.plot .series-crr circle')].map((c) => Number(c.getAttribute('cx')))
    renderIn(<RetentionView data={retention} />, { lang: 'fa' })
    const fa = [...document.querySelectorAll('figure')].filter((f) => f.querySelector('.plot .series-crr'))
    const rtl = [...fa.at(-1)!.querySelectorAll('.plot .series-crr circle')].map((c) => Number(c.getAttribute('cx')))
    expect(rtl[0]).toBeGreaterThan(rtl[2]!)
    expect(ltr[0]).toBeLessThan(ltr[2]!)
    // The y labels move to the right-hand side.
    expect(fa.at(-1)!.querySelector('.y-axis text')!.getAttribute('text-anchor')).toBe('start')
  })

  it('in Persian prints Persian digits and Gregorian dates', () => {
    renderIn(<RetentionView data={retention} />, { lang: 'fa' })
    const heat = document.querySelector('table.heatmap')!
    expect(heat.querySelector('tbody th')!.textContent).toBe('۱۶ نوامبر')
    expect(heat.querySelector('td.heat-5')!.textContent).toMatch(/^۱۰۰\s?٪$/)
  })

  it('with no periods says what to do', () => {
    renderIn(<RetentionView data={{ ...retention, periods: [], lifecycle: [], cohorts: { rows: [], average: [] } }} />)
    expect(screen.getByText(/No activity yet/)).toBeTruthy()
  })

  it('activation buckets: bar lengths are the shares, whiskers their intervals', () => {
    renderIn(<ActivationView data={activation} />)
    const fig = figure('Retained in week 4 by how soon they reached activated')
    expect(tableText(fig)[0]).toEqual(['Same day', '50', '30', '60%', '46%', '72%'])
    const width = Number(fig.querySelector('.hbar-bg')!.getAttribute('width'))
    const fills = [...fig.querySelectorAll('.hbar-fill')].map((r) => Number(r.getAttribute('width')) / width)
    expect(fills.map((f) => f.toFixed(2))).toEqual(['0.60', '0.40', '0.30', '0.15'])
    expect(fig.querySelectorAll('.whisker')).toHaveLength(4)
    expect(screen.getByText(/A correlation, not proof/)).toBeTruthy()
  })
})

describe('Survey', () => {
  it('shows NPS, its split, the 0–10 distribution, the weekly trend with margins, the funnel and text answers as text', () => {
    renderIn(<SurveyView data={survey} />)
    expect(screen.getByText('± 50.2 points, n = 10')).toBeTruthy()
    expect(tableText(figure('Promoters, passives and detractors'))).toEqual([['Promoters', '5', '50%'], ['Passives', '2', '20%'], ['Detractors', '3', '30%']])
    const dist = figure('Answers from 0 to 10')
    expect(tableValues(dist).map((r) => r[1])).toEqual(['1', '0', '0', '1', '0', '0', '1', '1', '1', '2', '3'])
    expect(dist.querySelectorAll('.plot .series-detractors rect')).toHaveLength(3)
    expect(dist.querySelectorAll('.plot .series-promoters rect')).toHaveLength(2)
    const weekly = figure('NPS by week, with its margin of error')
    expect(weekly.querySelectorAll('.whisker')).toHaveLength(2)
    expect(tableText(figure('From shown to completed'))).toEqual([['Shown', '14'], ['Answered', '10'], ['Completed', '8'], ['Dismissed', '2'], ['Asked later', '1']])
    // User text is text: no element comes out of it.
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy()
    expect(document.querySelector('.text-answers img')).toBeNull()
    expect(screen.getByRole('button', { name: 'Show more answers' })).toBeTruthy()
  })

  it('pages text answers newest first', async () => {
    const { fakeFetch } = await import('./render.tsx')
    const fake = fakeFetch({
      'GET /dashboard/session': { projects: [{ id: 'acme', name: 'Acme', expires: '2030-01-01T00:00:00Z' }] },
      'GET /v1/results/surveys/nps/answers/why': { surveyId: 'nps', questionId: 'why', items: [{ submissionId: 's0', text: 'Older answer', at: 1794000000000 }], next: null },
    })
    const { dashboard } = renderIn(<SurveyView data={survey} />, { fetcher: fake.fetcher })
    await dashboard.session.load()
    screen.getByRole('button', { name: 'Show more answers' }).click()
    expect(await screen.findByText('Older answer')).toBeTruthy()
    expect(fake.calls.at(-1)!.url.searchParams.get('cursor')).toBe('cursor-2')
    expect([...document.querySelectorAll('.text-answers blockquote')].map((b) => b.textContent)).toEqual(['<img src=x onerror=alert(1)>', 'Fast', 'Older answer'])
    expect(screen.queryByRole('button', { name: 'Show more answers' })).toBeNull()
  })

  it('PMF against the 40% bar with its interval', () => {
    renderIn(<SurveyView data={{ ...survey, nps: null, pmf: { share: 0.42, veryDisappointed: 42, responses: 100, meetsBar: true }, questions: [] }} />)
    const fig = figure('Very disappointed without the product, against the 40% bar')
    expect(tableText(fig)).toEqual([['42%', '32.8%', '51.8%', '100']])
    const ref = Number(fig.querySelector('.ref-line')!.getAttribute('x1'))
    const width = Number(fig.querySelector('.hbar-bg')!.getAttribute('width'))
    expect(ref / width).toBeCloseTo(0.4)
  })

  it('without answers says what to do', () => {
    renderIn(<SurveyView data={{ ...survey, shown: 0, responses: 0 }} />)
    expect(screen.getByText(/No survey answers in this period yet/)).toBeTruthy()
  })
})

describe('Tour', () => {
  it('puts missing targets first, with their selectors, and the step funnel', () => {
    renderIn(<TourView data={funnel} />)
    const alert = screen.getByText('Targets that went missing').closest('section')!
    expect(within(alert).getByText('#add-card')).toBeTruthy()
    expect(tableText(figure('People per step'))).toEqual([['1. Welcome', '100', '20', '5', '0'], ['2. Start a board', '80', '10', '10', '0'], ['3. Add a card', '70', '30', '0', '25']])
    const bars = [...figure('People per step').querySelectorAll('.hbar-fill')].map((r) => Number(r.getAttribute('width')))
    expect(bars[1]! / bars[0]!).toBeCloseTo(0.8)
    expect(figure('People per step').querySelectorAll('.tone-warn')).toHaveLength(1)
    expect(screen.getByText('5 min')).toBeTruthy()
  })
})

describe('Checklist', () => {
  it('shows per-item completion, full completion, the median time and the stalls', () => {
    renderIn(<ChecklistView data={checklist} />)
    expect(tableText(figure('Completion per item'))).toEqual([['Create a board', '40', '80%'], ['Add three cards', '25', '50%']])
    expect(tableText(figure(/^Where people stall/))).toEqual([['Create a board', '10', '20%'], ['Add three cards', '20', '40%']])
    expect(screen.getByText('40%', { selector: '.stat-value' })).toBeTruthy()
    expect(screen.getByText('2 h', { selector: '.stat-value' })).toBeTruthy()
  })
})

describe('Milestones', () => {
  it('per weekly cohort: time to it (median, p75) and the share of new users reaching it', () => {
    renderIn(<MilestonesView data={milestones} />)
    expect(screen.getByText('70%', { selector: '.stat-value' })).toBeTruthy()
    expect(tableText(figure('Time to activated by weekly cohort'))).toEqual([['Nov 23', '20', '70 min', '2.5 h'], ['Nov 30', '30', '—', '—']])
    expect(tableText(figure('Share of new users reaching activated'))).toEqual([['Nov 23', '20', '15', '75%'], ['Nov 30', '30', '20', '66.7%']])
  })

  it('with none says how to declare them', () => {
    renderIn(<MilestonesView data={{ ...milestones, milestones: [] }} />)
    expect(screen.getByText(/Declare them in the config/)).toBeTruthy()
  })
})

describe('Experiments', () => {
  it('compares shown and held out, and says in plain words whether the interval clears zero', () => {
    renderIn(<ExperimentView data={holdout} name="Invite your team" />)
    expect(screen.getByText('Not yet significant, n = 48: the 95% interval includes zero.')).toBeTruthy()
    expect(screen.getByText('Higher with the flow: the whole 95% interval is above zero (n = 420).')).toBeTruthy()
    expect(tableText(figure('Difference in activated rate, with its 95% interval, against zero'))).toEqual([
      ['Shown the flow', '30', '18', '60%'], ['Held out', '18', '7', '38.9%'], ['Difference', '', '', '+21.1% (-7% … +45%)'],
    ])
  })
})
