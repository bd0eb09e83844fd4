import type { atom as nanoAtom, ReadableAtom, WritableAtom } from 'nanostores'
import { same } from './same.ts'
import type { StoreHub, StoreHubFactory, StoreViews, UserValue } from './types.ts'

/** The host app's reports about headless flows, by namespace (`sdk.flows.shown`, …): the engine checks and records them. */
const REPORTS = { flows: 'shown step complete dismiss', checklists: 'tick minimize', surveys: 'answer', feed: 'markRead' }

/**
 * Makes one SDK instance's stores (never module-level: two instances on a page keep theirs apart) and its
 * report methods. A store is made the first time it is read, so a page pays only for those it uses;
 * until the engine has attached its views, each holds its empty value. The host app gets them as
 * `ReadableAtom`s, and their `set` only reports the attempt: Cairn's state is written by Cairn.
 * `atom` is nanostores' own, handed in: on the script tag this module is `stores.js` and nanostores
 * lives in `engine.js`, which has always loaded first — imported here too, it would be a chunk of its
 * own that `engine.js` waits for, one more round trip on every page with flows.
 * @example
 * const hub = storeHubFactory(atom)(() => ({ id: undefined, anonymousId: 'a1', traits: {} }), engine.report)
 * hub.stores.$feed.get() // { entries: [], unread: 0 }
 */
export const storeHubFactory = (atom: typeof nanoAtom): StoreHubFactory => (user, call) => {
  const made = new Map<string, [WritableAtom<unknown>['set'], () => unknown]>()
  const stores = new Map<string, ReadableAtom<unknown>>()
  let views: StoreViews | undefined
  const store = <T>(key: string, compute: () => T): ReadableAtom<T> => {
    let $ = stores.get(key)
    if (!$) {
      const $new = atom<unknown>(compute())
      $new.eq = same
      made.set(key, [$new.set, compute])
      $new.set = () => call(`${key}.set`, [])
      stores.set(key, ($ = $new))
    }
    return $ as ReadableAtom<T>
  }
  const of = (id: unknown) => (typeof id == 'string' ? id : '')
  const refresh = () => {
    for (const [set, compute] of made.values()) set(compute())
  }
  const hub = {
    stores: {
      get $user() {
        return store<UserValue>('$user', user)
      },
      get $flows() {
        return store('$flows', () => views?.flows() ?? [])
      },
      get $active() {
        return store('$active', () => views?.active() ?? null)
      },
      $checklist: (id) => store(`$checklist(${of(id)})`, () => views?.checklist(of(id)) ?? null),
      get $feed() {
        return store('$feed', () => views?.feed() ?? { entries: [], unread: 0 })
      },
      get $milestones() {
        return store('$milestones', () => views?.milestones() ?? {})
      },
      $survey: (id) => store(`$survey(${of(id)})`, () => views?.survey(of(id)) ?? null),
    },
    attach(next) {
      views = next
      refresh()
    },
    refresh,
  } as StoreHub
  for (const [space, names] of Object.entries(REPORTS)) {
    const methods: Record<string, (...args: unknown[]) => void> = {}
    for (const name of names.split(' ')) methods[name] = (...args) => call(`${space}.${name}`, args)
    ;(hub as unknown as Record<string, unknown>)[space] = methods
  }
  return hub
}
