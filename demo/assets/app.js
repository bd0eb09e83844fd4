// Acme Boards: a made-up project tracker that uses Cairn the way a real product would.
// The snippet in the page defined `window.cairn`; calls made before cairn.js arrives are replayed.

/** Demo accounts; each one's language sets the page direction and Cairn's locale. */
export const USERS = [
  { id: 'sara', locale: 'fa', traits: { firstName: 'سارا', lastName: 'احمدی', plan: 'trial', role: 'product manager' } },
  { id: 'layla', locale: 'ar', traits: { firstName: 'ليلى', lastName: 'حداد', plan: 'business', role: 'designer' } },
  { id: 'alex', locale: 'en', traits: { firstName: 'Alex', lastName: 'Morgan', plan: 'pro', role: 'engineer' } },
]

const STRINGS = {
  en: {
    ownUi: 'Your own UI', ownUiBody: 'The checklist and the what’s-new menu on this page are Acme’s own markup, drawn from Cairn’s stores; tours and surveys are Cairn’s.', nothingNew: 'Nothing new.', progressOf: (d, n) => `${d} of ${n} done`, tick: 'Mark done', allDone: 'All done, thank you!', hide: 'Hide', showList: 'Show the checklist',
    whatsNew: "What's new", help: 'Help', signedInAs: 'Signed in as', boards: 'Boards', newBoard: 'New board', invite: 'Invite teammate',
    boardName: 'Board name', template: 'Template', kanban: 'Kanban', blank: 'Blank', create: 'Create', email: 'Email',
    sendInvite: 'Send invite', empty: 'No boards yet.', close: 'Close', backToBoards: '← Boards', addCard: 'Add card',
    cardTitle: 'What needs doing?', todo: 'To do', doing: 'Doing', done: 'Done', start: 'Start', finish: 'Done ✓',
    cards: (n) => `${n} cards`, invited: (email) => `Invitation sent to ${email}`, created: (name) => `Board “${name}” created`,
    helpBody: 'Press N for a new board. Every action here is tracked by Cairn.', milestone: (name) => `Milestone reached: ${name}`,
  },
  fa: {
    ownUi: 'رابط خودتان', ownUiBody: 'چک‌لیست و منوی تازه‌های این صفحه نشانه‌گذاری خود Acme است که از استورهای Cairn کشیده می‌شود؛ گشت‌ها و نظرسنجی‌ها از Cairn‌اند.', nothingNew: 'تازه‌ای نیست.', progressOf: (d, n) => `${d.toLocaleString('fa')} از ${n.toLocaleString('fa')} انجام شد`, tick: 'انجام شد', allDone: 'همه انجام شد، سپاس!', hide: 'پنهان کن', showList: 'نمایش چک‌لیست',
    whatsNew: 'تازه‌ها', help: 'راهنما', signedInAs: 'واردشده با', boards: 'بوردها', newBoard: 'بورد تازه', invite: 'دعوت هم‌تیمی',
    boardName: 'نام بورد', template: 'قالب', kanban: 'کانبان', blank: 'خالی', create: 'بساز', email: 'ایمیل',
    sendInvite: 'ارسال دعوت', empty: 'هنوز بوردی نساخته‌اید.', close: 'بستن', backToBoards: '→ بوردها', addCard: 'افزودن کارت',
    cardTitle: 'چه کاری باید انجام شود؟', todo: 'برای انجام', doing: 'در حال انجام', done: 'انجام‌شده', start: 'شروع', finish: 'تمام ✓',
    cards: (n) => `${n.toLocaleString('fa')} کارت`, invited: (email) => `دعوت‌نامه برای ${email} فرستاده شد`, created: (name) => `بورد «${name}» ساخته شد`,
    helpBody: 'برای بورد تازه N را بزنید. Cairn همهٔ کارهای شما را اینجا ثبت می‌کند.', milestone: (name) => `به نقطهٔ عطف رسیدید: ${name}`,
  },
  ar: {
    ownUi: 'واجهتك الخاصة', ownUiBody: 'قائمة المهام وقائمة ما الجديد في هذه الصفحة من ترميز Acme نفسه، مرسومة من مخازن Cairn؛ الجولات والاستبيانات من Cairn.', nothingNew: 'لا جديد.', progressOf: (d, n) => `${d.toLocaleString('ar')} من ${n.toLocaleString('ar')} منجز`, tick: 'تم', allDone: 'أنجزت كل شيء، شكرًا!', hide: 'إخفاء', showList: 'إظهار القائمة',
    whatsNew: 'ما الجديد', help: 'مساعدة', signedInAs: 'مسجّل باسم', boards: 'اللوحات', newBoard: 'لوحة جديدة', invite: 'دعوة زميل',
    boardName: 'اسم اللوحة', template: 'القالب', kanban: 'كانبان', blank: 'فارغة', create: 'إنشاء', email: 'البريد الإلكتروني',
    sendInvite: 'إرسال الدعوة', empty: 'لا توجد لوحات بعد.', close: 'إغلاق', backToBoards: '→ اللوحات', addCard: 'إضافة بطاقة',
    cardTitle: 'ما الذي يجب إنجازه؟', todo: 'للتنفيذ', doing: 'قيد التنفيذ', done: 'منجز', start: 'ابدأ', finish: 'تم ✓',
    cards: (n) => `${n.toLocaleString('ar')} بطاقات`, invited: (email) => `أُرسلت الدعوة إلى ${email}`, created: (name) => `أُنشئت اللوحة «${name}»`,
    helpBody: 'اضغط N لإنشاء لوحة جديدة. كل ما تفعله هنا يسجّله Cairn.', milestone: (name) => `وصلت إلى إنجاز: ${name}`,
  },
}

/** First boards of each account, so the app does not start empty. */
const SEED = {
  fa: [{ name: 'حفظ و نگهداری مشتری', cards: ['رسیدن سریع کاربر به لحظهٔ «آها»', 'نظرسنجی NPS فصلی', 'محاسبهٔ نرخ ریزش (L / S)'] }],
  ar: [{ name: 'استراتيجيات الاحتفاظ بالعملاء', cards: ['جولة تعريفية داخل التطبيق', 'دليل «البدء» المختصر', 'دعوة الزملاء بعد أول إنجاز'] }],
  en: [{ name: 'Q3 launch', cards: ['Write the release notes', 'Set up the NPS survey', 'Invite the design team'] }],
}

const CURRENT = 'acme:user'

/** The signed-in demo account (the first one until another is picked). */
export function currentUser() {
  return USERS.find((u) => u.id === localStorage.getItem(CURRENT)) ?? USERS[0]
}

export const t = (key, ...args) => {
  const table = STRINGS[currentUser().locale] ?? STRINGS.en
  const value = table[key] ?? STRINGS.en[key]
  return typeof value === 'function' ? value(...args) : value
}

/** The account's boards, kept in this browser. */
export function loadBoards() {
  const user = currentUser()
  const key = `acme:boards:${user.id}`
  const stored = localStorage.getItem(key)
  if (stored) return JSON.parse(stored)
  const boards = SEED[user.locale].map((b, i) => ({
    id: `${user.id}-${i + 1}`, name: b.name, template: 'kanban',
    cards: b.cards.map((title, j) => ({ id: `c${j + 1}`, title, status: j === 0 ? 'doing' : 'todo' })),
  }))
  saveBoards(boards)
  return boards
}

export function saveBoards(boards) {
  localStorage.setItem(`acme:boards:${currentUser().id}`, JSON.stringify(boards))
}

/** Applies the account's language and direction to the page. */
function localize() {
  const { locale } = currentUser()
  document.documentElement.lang = locale
  document.documentElement.dir = locale === 'en' ? 'ltr' : 'rtl'
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n)
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder)
}

export function toast(message) {
  const el = document.getElementById('toast')
  el.textContent = message
  el.classList.add('shown')
  clearTimeout(toast.timer)
  toast.timer = setTimeout(() => el.classList.remove('shown'), 2500)
}

/**
 * Starts the page: language, the account switcher, and Cairn (init, identify, listeners). `options`
 * go to `cairn.init` too (the headless page draws the checklist and the feed itself).
 */
export function startPage(options = { feed: { selector: '#whats-new' } }) {
  const user = currentUser()
  localize()
  const select = document.getElementById('user')
  for (const u of USERS) select.append(new Option(`${u.traits.firstName} ${u.traits.lastName}`, u.id, false, u.id === user.id))
  select.addEventListener('change', () => {
    // Signing out ends the identity; signing in as another account starts a new one.
    cairn.reset()
    localStorage.setItem(CURRENT, select.value)
    location.reload()
  })

  // No survey cooldown here, so one sitting shows both surveys (NPS after three cards, PMF on the next
  // visit); the default keeps two surveys 14 days apart.
  // The header's "What's new" button opens Cairn's what's-new feed; Cairn sets its data-cairn-unread (app.css draws the badge).
  cairn.init({
    key: 'pk_demo', endpoint: window.CAIRN_ENDPOINT, locale: user.locale, debug: true, limits: { surveyCooldownDays: 0, perSession: 6 },
    ...options,
  })
  cairn.identify(user.id, user.traits)
  cairn.on('milestone', ({ name }) => toast(t('milestone', name)))
  return user
}
