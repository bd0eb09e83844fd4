import { afterEach, describe, expect, it } from 'vitest'
import { render as renderPreact, waitFor } from '@testing-library/preact'
import { useStore as usePreactStore } from '@nanostores/preact'
import { useStore as useReactStore } from '@nanostores/react'
import { useStore as useVueStore } from '@nanostores/vue'
import { createElement, act } from 'react'
import { createRoot } from 'react-dom/client'
import { createApp, defineComponent, h } from 'vue'
import type { ChecklistFlow } from '@cairn/protocol'
import { checklistStore, type Cairn, type ChecklistValue } from '../../../packages/sdk/src/index.ts'
import { client, until } from './harness.ts'

// The README's and docs/headless.md's recipe in each framework: the app's own markup, from one store.
const checklist: ChecklistFlow = {
  id: 'start', kind: 'checklist', title: 'Start', trigger: {}, headless: true,
  items: [{ id: 'board', title: 'Create a board', completeOn: { event: 'board_created' } }, { id: 'invite', title: 'Invite', completeOn: { event: 'invited' } }],
}
const line = (c: ChecklistValue | null) => (c ? `${c.progress.done}/${c.progress.total}: ${c.items.map((i) => `${i.title}${i.done ? ' ✓' : ''}`).join(', ')}` : '…')

let made: ReturnType<typeof client> | undefined
afterEach(() => {
  made?.sdk.destroy()
  document.body.replaceChildren()
})
async function page(): Promise<Cairn> {
  made = client({ flows: [checklist] })
  await until(() => expect(made!.sdk.stores.$checklist('start').get()?.open).toBe(true))
  made.sdk.flows.shown('start')
  return made.sdk
}

describe('the stores in the app\'s own components', () => {
  it('preact (@nanostores/preact)', async () => {
    const sdk = await page()
    const List = () => <p>{line(usePreactStore(checklistStore(sdk, 'start')))}</p>
    const { container } = renderPreact(<List />)
    expect(container.textContent).toBe('0/2: Create a board, Invite')
    sdk.track('board_created')
    await waitFor(() => expect(container.textContent).toBe('1/2: Create a board ✓, Invite'))
  })

  it('React (@nanostores/react)', async () => {
    const sdk = await page()
    ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
    const List = () => createElement('p', null, line(useReactStore(checklistStore(sdk, 'start'))))
    const box = document.body.appendChild(document.createElement('div'))
    const root = createRoot(box)
    await act(async () => root.render(createElement(List)))
    expect(box.textContent).toBe('0/2: Create a board, Invite')
    await act(async () => sdk.track('invited'))
    expect(box.textContent).toBe('1/2: Create a board, Invite ✓')
    await act(async () => root.unmount())
  })

  it('Vue (@nanostores/vue)', async () => {
    const sdk = await page()
    const List = defineComponent({
      setup() {
        const $list = useVueStore(checklistStore(sdk, 'start'))
        return () => h('p', line($list.value as ChecklistValue | null))
      },
    })
    const box = document.body.appendChild(document.createElement('div'))
    const app = createApp(List)
    app.mount(box)
    expect(box.textContent).toBe('0/2: Create a board, Invite')
    sdk.track('board_created')
    await waitFor(() => expect(box.textContent).toBe('1/2: Create a board ✓, Invite'))
    app.unmount()
  })
})
