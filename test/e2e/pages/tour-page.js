// The demo product on the flows fixture's pages (added as an init script, which the page's CSP allows):
// /app/home gets a projects list that renders late and a "New project" button that opens the board;
// /app/board gets an "Add a card" button that tracks the real action a tour step waits for.
document.addEventListener('DOMContentLoaded', () => {
  const main = document.querySelector('main')
  if (!main) return
  if (document.documentElement.lang === 'fa') document.documentElement.dir = 'rtl'
  document.body.style.margin = '24px'
  main.style.maxInlineSize = '480px'
  const button = (id, text, onClick) => {
    const el = document.createElement('button')
    el.id = id
    el.type = 'button'
    el.textContent = text
    el.addEventListener('click', onClick)
    main.append(el)
  }
  if (location.pathname === '/app/home') {
    setTimeout(() => {
      const list = document.createElement('ul')
      list.id = 'projects'
      Object.assign(list.style, { display: 'inline-block', margin: '0 0 16px', padding: '8px 24px', border: '1px solid #888' })
      for (const name of ['Roadmap', 'Launch']) {
        const item = document.createElement('li')
        item.textContent = name
        list.append(item)
      }
      main.prepend(list)
    }, 700)
    button('new-project', 'New project', () => location.assign(`/app/board${location.search}`))
  } else if (location.pathname === '/app/board') {
    button('add-card', 'Add a card', () => window.cairn.track('card_added'))
  }
})
