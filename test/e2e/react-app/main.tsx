/** @jsxImportSource react */
// A React app that draws Cairn's getting-started checklist itself, from the stores (docs/headless.md).
// The page's URL says where the collector is and who is signed in: ?endpoint=…&user=….
import { StrictMode, useEffect } from 'react'
import { createRoot } from 'react-dom/client'
import { useStore } from '@nanostores/react'
import { checklistStore, init } from '@cairn/sdk'

const params = new URLSearchParams(location.search)
const sdk = init({
  key: 'pk_flows', endpoint: params.get('endpoint') ?? '', user: { id: params.get('user') ?? 'someone' }, headless: ['checklist'],
})
;(window as unknown as { sdk: typeof sdk }).sdk = sdk

function GettingStarted() {
  const list = useStore(checklistStore(sdk, 'getting-started'))
  useEffect(() => void (list?.open && sdk.flows.shown(list.id)), [list?.open])
  if (!list?.open) return <p>Nothing to do.</p>
  return (
    <section aria-label={list.flow.title}>
      <h2>{list.flow.title}</h2>
      <p className="progress">{list.progress.done} of {list.progress.total}</p>
      <ul>
        {list.items.map((item) => (
          <li key={item.id} data-done={item.done}>
            <button disabled={item.done || !item.manual} onClick={() => sdk.checklists.tick(list.id, item.id)}>
              {item.done ? '✓ ' : ''}{item.title}
            </button>
          </li>
        ))}
      </ul>
      {list.progress.done == list.progress.total ? <button onClick={() => sdk.flows.complete(list.id)}>Finish</button> : null}
    </section>
  )
}

createRoot(document.getElementById('root')!).render(<StrictMode><GettingStarted /></StrictMode>)
