import { loadBoards, saveBoards, startPage, t } from './app.js'

startPage()
const id = location.pathname.split('/').filter(Boolean)[1]
const form = document.getElementById('card-form')
const NEXT = { todo: 'doing', doing: 'done' }

const board = () => loadBoards().find((b) => b.id === id)

function update(change) {
  const boards = loadBoards()
  const found = boards.find((b) => b.id === id)
  change(found)
  saveBoards(boards)
  render()
}

function render() {
  const current = board()
  if (!current) {
    location.replace('/')
    return
  }
  document.getElementById('board-title').textContent = current.name
  document.title = `${current.name} — Acme Boards`
  for (const column of document.querySelectorAll('[data-status]')) {
    const status = column.dataset.status
    column.replaceChildren(...current.cards.filter((c) => c.status === status).map((card) => {
      const item = document.createElement('li')
      item.className = 'task'
      const title = document.createElement('span')
      title.textContent = card.title
      item.append(title)
      if (NEXT[status]) {
        const move = document.createElement('button')
        move.type = 'button'
        move.className = 'secondary small'
        move.textContent = status === 'todo' ? t('start') : t('finish')
        move.addEventListener('click', () => {
          update((b) => { b.cards.find((c) => c.id === card.id).status = NEXT[status] })
          if (NEXT[status] === 'done') cairn.track('card_completed', { board: id })
          else cairn.track('card_started', { board: id })
        })
        item.append(move)
      }
      return item
    }))
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault()
  const title = String(new FormData(form).get('title')).trim()
  update((b) => b.cards.push({ id: `c${Date.now().toString(36)}`, title, status: 'todo' }))
  cairn.track('card_created', { board: id, cards: board().cards.length })
  form.reset()
})

render()
