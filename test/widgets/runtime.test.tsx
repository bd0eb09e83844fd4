import { afterEach, describe, expect, it } from 'vitest'
import { fireEvent } from '@testing-library/preact'
import { show, summary } from './harness.ts'
import { tour } from './flows.ts'

afterEach(() => {
  document.body.replaceChildren()
})

describe('widget runtime: a tour placeholder', () => {
  it('renders in an open shadow root on one host element and walks through its steps', async () => {
    const { host, ui, events } = await show(tour, { user: { traits: { firstName: 'Sara' } } })
    expect(host?.parentElement).toBe(document.body)
    expect(host?.shadowRoot?.mode).toBe('open')
    expect(ui.getByRole('dialog', { name: 'Welcome, Sara' })).toBeTruthy()
    expect(ui.getByText('1 of 3')).toBeTruthy()
    fireEvent.click(ui.getByRole('button', { name: 'Next' }))
    expect(ui.getByRole('heading', { name: 'Projects' })).toBeTruthy()
    expect(summary(events)).toEqual(['shown', 'step:1:projects'])
  })
})
