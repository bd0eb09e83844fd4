// A small single-page app built with Vite: two routes under /spa/ switched with history.pushState,
// a board that renders its columns late, a toolbar inside an open shadow root, and a button that
// tracks the real action a tour step waits for. Cairn comes from the page's script tag.

type Cairn = { track(name: string): void; on(event: string, handler: (payload: Record<string, unknown>) => void): () => void }
type SpaWindow = Window & { cairn?: Cairn; __events?: Record<string, unknown>[]; __loads?: number }

const win = window as SpaWindow
const view = document.querySelector('#view') as HTMLElement

/** Every lifecycle event a listener hears, for the test to read. */
const events: Record<string, unknown>[] = (win.__events = [])
for (const name of ['flow:shown', 'flow:step', 'flow:completed', 'flow:dismissed', 'flow:error']) {
  win.cairn?.on(name, (payload) => events.push({ event: name, ...payload }))
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
  const node = Object.assign(document.createElement(tag), props)
  node.append(...children)
  return node
}

/** A toolbar custom element whose buttons live in its open shadow root (`acme-toolbar >>> #filters`). */
class AcmeToolbar extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return
    this.attachShadow({ mode: 'open' }).append(el('button', { id: 'filters', type: 'button', textContent: 'Filters' }))
  }
}
customElements.define('acme-toolbar', AcmeToolbar)

let pending: number | undefined

function render(): void {
  clearTimeout(pending)
  const path = location.pathname.replace(/\/$/, '')
  if (path === '/spa/board') {
    const add = el('button', { id: 'add-card', type: 'button', textContent: 'Add a card' })
    add.addEventListener('click', () => win.cairn?.track('card_added'))
    view.replaceChildren(el('h1', { textContent: 'Board' }), document.createElement('acme-toolbar'), add)
    // The columns arrive a moment after the route renders, as from an API.
    pending = window.setTimeout(() => {
      const columns = el('ul', { id: 'columns' }, el('li', { textContent: 'To do' }), el('li', { textContent: 'Done' }))
      view.insertBefore(columns, add)
    }, 400)
  } else {
    const create = el('button', { id: 'new-project', type: 'button', textContent: 'New project' })
    create.addEventListener('click', () => go('/spa/board'))
    view.replaceChildren(el('h1', { textContent: 'Projects' }), el('p', { textContent: 'Roadmap, Launch' }), create)
  }
}

function go(path: string): void {
  history.pushState(null, '', path)
  render()
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest('a[data-route]')
  if (!link) return
  event.preventDefault()
  go(link.getAttribute('href') ?? '/spa/')
})
window.addEventListener('popstate', render)
/** Counts full page loads: an SPA route change must not add one. */
win.__loads = Number(sessionStorage.getItem('loads') ?? 0) + 1
sessionStorage.setItem('loads', String(win.__loads))
render()
