import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from '../../packages/dashboard/src/App.tsx'
import { createDashboard } from '../../packages/dashboard/src/create-dashboard.ts'
import { flowList, milestones, overview } from './fixtures.ts'
import { fakeFetch } from './render.tsx'

afterEach(() => cleanup())

const ACME = { id: 'acme', name: 'Acme Boards', expires: '2030-01-01T00:00:00.000Z' }
const BETA = { id: 'beta', name: 'Beta Notes', expires: '2030-01-01T00:00:00.000Z' }

function start(routes: Parameters<typeof fakeFetch>[0], url = '/dashboard/', languages = ['en-US']) {
  window.history.replaceState(null, '', url)
  const fake = fakeFetch(routes)
  const dashboard = createDashboard(window, fake.fetcher, () => Date.parse('2026-12-03T12:00:00Z'))
  void dashboard.session.load()
  render(<App dashboard={dashboard} languages={languages} />)
  return { ...fake, dashboard }
}

const signedIn = (projects = [ACME]) => ({
  'GET /dashboard/session': { projects },
  'GET /v1/results/overview': overview,
  'GET /v1/results/flows': flowList,
  'GET /v1/results/milestones': milestones,
})

describe('the dashboard app', () => {
  it('signed out, asks for the secret key; a wrong key says so and stays on the form', async () => {
    const { calls } = start({
      'GET /dashboard/session': { projects: [] },
      'POST /dashboard/session': () => new Response(JSON.stringify({ error: 'unknown_key', details: 'x' }), { status: 401 }),
    })
    const input = await screen.findByLabelText('Secret key')
    expect(input.getAttribute('type')).toBe('password')
    fireEvent.input(input, { target: { value: 'sk_wrong' } })
    fireEvent.submit(input.closest('form')!)
    expect((await screen.findByRole('alert')).textContent).toMatch(/not the secret key of a project/)
    const post = calls.find((c) => c.init?.method === 'POST')!
    expect(post.init!.body).toBe('key=sk_wrong')
    expect(post.url.search).toBe('')
    expect(document.activeElement).toBe(input)
  })

  it('too many attempts says to wait', async () => {
    start({
      'GET /dashboard/session': { projects: [] },
      'POST /dashboard/session': () => new Response(JSON.stringify({ error: 'rate_limited', details: 'x' }), { status: 429 }),
    })
    const input = await screen.findByLabelText('Secret key')
    fireEvent.input(input, { target: { value: 'sk_x' } })
    fireEvent.submit(input.closest('form')!)
    expect((await screen.findByRole('alert')).textContent).toMatch(/Wait a minute/)
  })

  it('signs in and shows the overview of that project, named in the URL', async () => {
    let signedInYet = false
    const { calls } = start({
      ...signedIn(),
      'GET /dashboard/session': () => new Response(JSON.stringify({ projects: signedInYet ? [ACME] : [] })),
      'POST /dashboard/session': () => {
        signedInYet = true
        return new Response(JSON.stringify({ project: { id: 'acme', name: 'Acme Boards' }, expires: ACME.expires }))
      },
    })
    const input = await screen.findByLabelText('Secret key')
    fireEvent.input(input, { target: { value: 'sk_acme' } })
    fireEvent.submit(input.closest('form')!)
    expect(await screen.findByText('130')).toBeTruthy()
    expect(window.location.search).toBe('?project=acme')
    const overviewCall = calls.find((c) => c.url.pathname === '/v1/results/overview')!
    expect(new Headers(overviewCall.init!.headers).get('x-cairn-project')).toBe('acme')
    expect(overviewCall.url.searchParams.get('period')).toBe('week')
  })

  it('follows links without a reload, marks the current page, and keeps filters; filters refetch', async () => {
    const { calls } = start(signedIn(), '/dashboard/?where=plan%3Apro')
    await screen.findByText('130')
    expect(calls.find((c) => c.url.pathname === '/v1/results/overview')!.url.searchParams.getAll('where')).toEqual(['plan:pro'])
    fireEvent.click(screen.getByRole('link', { name: 'Milestones' }))
    expect(window.location.pathname).toBe('/dashboard/milestones')
    expect(window.location.search).toBe('?where=plan%3Apro')
    expect(await screen.findByText('Time to activated by weekly cohort')).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Milestones' }).getAttribute('aria-current')).toBe('page')

    const rule = screen.getByLabelText('Trait rule')
    fireEvent.input(rule, { target: { value: 'company.size>50' } })
    fireEvent.submit(rule.closest('form')!)
    expect(window.location.search).toBe('?where=plan%3Apro&where=company.size%3E50')
    await waitFor(() => expect(calls.filter((c) => c.url.pathname === '/v1/results/milestones').at(-1)!.url.searchParams.getAll('where')).toEqual(['plan:pro', 'company.size>50']))

    fireEvent.click(screen.getByRole('button', { name: 'Remove filter plan:pro' }))
    expect(window.location.search).toBe('?where=company.size%3E50')

    fireEvent.click(screen.getByRole('button', { name: '4 weeks' }))
    expect(window.location.search).toBe('?from=2026-11-06&to=2026-12-03&where=company.size%3E50')
    await waitFor(() => expect(calls.at(-1)!.url.searchParams.get('to')).toBe('2026-12-04'))
    await waitFor(() => expect(screen.getByRole('button', { name: '4 weeks' }).getAttribute('aria-pressed')).toBe('true'))
  })

  it('switches between signed-in projects', async () => {
    const { calls } = start(signedIn([ACME, BETA]))
    await screen.findByText('130')
    fireEvent.change(screen.getByLabelText('Project'), { target: { value: 'beta' } })
    await waitFor(() => expect(new Headers(calls.at(-1)!.init!.headers).get('x-cairn-project')).toBe('beta'))
    expect(window.location.search).toBe('?project=beta')
  })

  it('a 401 from the results API (session expired) goes back to sign-in, saying why', async () => {
    let live = true
    start({
      'GET /dashboard/session': () => new Response(JSON.stringify({ projects: live ? [ACME] : [] })),
      'GET /v1/results/overview': () => {
        live = false
        return new Response(JSON.stringify({ error: 'missing_key', details: 'x' }), { status: 401 })
      },
    })
    expect(await screen.findByText('Your session ended. Sign in again to go on.')).toBeTruthy()
    expect(screen.getByLabelText('Secret key')).toBeTruthy()
  })

  it('speaks Persian right to left when the browser does, or the URL says so', async () => {
    start(signedIn(), '/dashboard/', ['fa-IR'])
    expect(await screen.findByText('۱۳۰')).toBeTruthy()
    expect(document.documentElement.dir).toBe('rtl')
    expect(document.documentElement.lang).toBe('fa')
    fireEvent.change(screen.getByLabelText('زبان'), { target: { value: 'ar' } })
    expect(await screen.findByText('١٣٠')).toBeTruthy()
    expect(window.location.search).toBe('?lang=ar')
    cleanup()
    start(signedIn(), '/dashboard/?lang=en', ['fa-IR'])
    expect(await screen.findByText('130')).toBeTruthy()
    expect(document.documentElement.dir).toBe('ltr')
  })

  it('a page that does not exist says so and links back', async () => {
    start(signedIn(), '/dashboard/nope')
    expect(await screen.findByText('This page does not exist.')).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Go to the overview' }).getAttribute('href')).toBe('/dashboard')
  })
})
