import type { Flow } from '@cairn/protocol'
import { checkPages } from '../runtime.ts'

const text = (x: unknown) => typeof x == 'string' && x.length > 0

/**
 * What the checklist widget needs (the engine checked the envelope): a title, items with an id and a
 * title, each `completeOn` naming an event or a milestone, each `action` a tour or a URL. Returns the
 * first problem as `$.path: message`.
 * @example checkChecklist({ id: 'c', kind: 'checklist', title: 'C', items: [{ id: 'a', title: 'A', action: {} }] }) // '$.items[0].action: …'
 */
export function checkChecklist(flow: Flow): string | undefined {
  const f = flow as unknown as Record<string, unknown>
  if (typeof f['title'] != 'string') return '$.title: must be text'
  const problem = checkPages(flow, 'items', 'title')
  if (problem) return problem
  for (const [i, item] of (f['items'] as Record<string, Record<string, unknown> | undefined>[]).entries()) {
    const at = `$.items[${i}]`
    const on = item?.['completeOn']
    const action = item?.['action']
    if (!text(item?.['id'])) return `${at}.id: must be text`
    if (on !== undefined && !text(on['event']) && !text(on['milestone'])) return `${at}.completeOn: must name an event or a milestone`
    if (action !== undefined && !text(action['tour']) && !text(action['url'])) return `${at}.action: must be a tour or a url`
  }
  return undefined
}
