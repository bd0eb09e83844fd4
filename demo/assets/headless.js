// Acme's own checklist and what's-new menu, drawn from Cairn's stores (docs/headless.md): Cairn still
// decides, tracks and syncs them (across tabs and devices); tours and surveys stay Cairn's widgets.
import { loadBoards, saveBoards, startPage, t, toast } from './app.js'

const user = startPage({ headless: ['checklist', 'announcement'] })
const $ = (id) => document.getElementById(id)
/** A flow's text in the reader's language: Cairn hands headless flows over as defined. */
const local = (flow, path) => path.reduce((x, k) => x?.[k], flow.locales?.[user.locale]) ?? path.reduce((x, k) => x?.[k], flow)

function drawChecklist(list) {
  const box = $('checklist')
  box.hidden = !list?.open || list.minimized
  $('checklist-show').hidden = !list?.open || !list.minimized
  if (!list?.open) return
  $('checklist-title').textContent = local(list.flow, ['title'])
  const { done, total } = list.progress
  $('checklist-progress').textContent = done == total ? t('allDone') : t('progressOf', done, total)
  $('checklist-bar').value = total ? done / total : 0
  $('checklist-items').replaceChildren(...list.items.map((item, i) => {
    const li = document.createElement('li')
    li.dataset.done = String(item.done)
    const title = document.createElement('span')
    title.textContent = `${item.done ? '✓ ' : ''}${local(list.flow, ['items', i, 'title'])}`
    li.append(title)
    if (!item.done && item.action?.tour) {
      const go = Object.assign(document.createElement('button'), { type: 'button', className: 'small', textContent: '▶' })
      go.setAttribute('aria-label', title.textContent)
      go.onclick = () => cairn.showTour(item.action.tour)
      li.append(go)
    } else if (!item.done && item.manual) {
      const tick = Object.assign(document.createElement('button'), { type: 'button', className: 'small', textContent: t('tick') })
      tick.onclick = () => cairn.checklists.tick(list.id, item.id)
      li.append(tick)
    }
    return li
  }))
  if (done == total) {
    const finish = Object.assign(document.createElement('button'), { type: 'button', className: 'small', textContent: t('finish') })
    finish.onclick = () => cairn.flows.complete(list.id)
    $('checklist-items').append(finish)
  }
}

function drawFeed(feed) {
  const count = $('news-count')
  count.hidden = !feed.unread
  count.textContent = feed.unread.toLocaleString(user.locale)
  $('news-list').replaceChildren(...(feed.entries.length ? feed.entries : [null]).map((entry) => {
    const li = document.createElement('li')
    if (!entry) return Object.assign(li, { textContent: t('nothingNew'), className: 'muted' })
    const title = Object.assign(document.createElement('strong'), { textContent: local(entry.flow, ['title']) })
    if (entry.unread) title.className = 'new'
    li.append(title, Object.assign(document.createElement('span'), { className: 'muted', textContent: (local(entry.flow, ['body']) ?? '').replace(/[*_`]/g, '') }))
    return li
  }))
}

$('news-button').addEventListener('click', () => {
  const panel = $('news')
  panel.hidden = !panel.hidden
  $('news-button').setAttribute('aria-expanded', String(!panel.hidden))
  // Opening the menu reads every entry (on every device): the unread dots stay until it closes.
  if (!panel.hidden) setTimeout(() => cairn.feed.markRead(), 1500)
})
$('checklist-hide').addEventListener('click', () => cairn.checklists.minimize('getting-started', true))
$('checklist-show').addEventListener('click', () => cairn.checklists.minimize('getting-started', false))
$('new-board').addEventListener('click', () => {
  const boards = loadBoards()
  const name = `Board ${boards.length + 1}`
  boards.push({ id: Date.now().toString(36), name, template: 'kanban', cards: [] })
  saveBoards(boards)
  cairn.track('board_created', { template: 'kanban', boards: boards.length })
  toast(t('created', name))
})
$('invite').addEventListener('click', () => cairn.track('teammate_invited', { domain: 'example.com' }))

// The stores come with Cairn's engine (on this page: `headless` asks for them).
cairn.on('stores', (stores) => {
  stores.$checklist('getting-started').subscribe((list) => {
    drawChecklist(list)
    if (list?.open) cairn.flows.shown(list.id)
  })
  stores.$feed.subscribe(drawFeed)
})
// The checklist's trigger names the other pages; here it is asked for.
cairn.showChecklist('getting-started')
