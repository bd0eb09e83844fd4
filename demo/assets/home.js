import { loadBoards, saveBoards, startPage, t, toast } from './app.js'

startPage()
const list = document.getElementById('boards')
const boardForm = document.getElementById('board-form')
const inviteForm = document.getElementById('invite-form')

function render() {
  const boards = loadBoards()
  list.replaceChildren(...boards.map((board) => {
    const item = document.createElement('li')
    const link = document.createElement('a')
    link.href = `/boards/${board.id}`
    link.textContent = board.name
    const count = document.createElement('span')
    count.className = 'muted'
    count.textContent = t('cards', board.cards.length)
    item.append(link, count)
    return item
  }))
  document.getElementById('empty').hidden = boards.length > 0
}

const toggle = (form) => {
  form.hidden = !form.hidden
  if (!form.hidden) form.querySelector('input').focus()
}

document.getElementById('new-board').addEventListener('click', () => toggle(boardForm))
document.getElementById('invite').addEventListener('click', () => toggle(inviteForm))
document.getElementById('help-menu').addEventListener('click', () => {
  document.getElementById('help-dialog').showModal()
  cairn.track('help_opened')
})
document.addEventListener('keydown', (event) => {
  if (event.key === 'n' && !(event.target instanceof HTMLInputElement)) toggle(boardForm)
})

boardForm.addEventListener('submit', (event) => {
  event.preventDefault()
  const data = new FormData(boardForm)
  const name = String(data.get('name')).trim()
  const template = String(data.get('template'))
  const boards = loadBoards()
  const id = `${Date.now().toString(36)}`
  boards.push({ id, name, template, cards: [] })
  saveBoards(boards)
  cairn.track('board_created', { template, boards: boards.length })
  boardForm.reset()
  boardForm.hidden = true
  toast(t('created', name))
  render()
})

inviteForm.addEventListener('submit', (event) => {
  event.preventDefault()
  const email = String(new FormData(inviteForm).get('email'))
  // Only the domain goes to analytics: the address itself is personal data.
  cairn.track('teammate_invited', { domain: email.split('@')[1] ?? '' })
  inviteForm.reset()
  inviteForm.hidden = true
  toast(t('invited', email))
})

render()
