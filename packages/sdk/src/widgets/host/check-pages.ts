/**
 * The smallest check a paged widget needs before it renders: `flow[list]` is a non-empty array whose
 * items all have text under `title`. Returns the problem (`$.steps[2].title: must be text`) or undefined.
 * @example checkPages({ steps: [] }, 'steps', 'title') // '$.steps: must be a non-empty list'
 */
export function checkPages(flow: object, list: string, title: string): string | undefined {
  const items: unknown = (flow as Record<string, unknown>)[list]
  if (!Array.isArray(items) || !items.length) return `$.${list}: must be a non-empty list`
  const bad = items.findIndex((item: unknown) => typeof (item as Record<string, unknown> | null)?.[title] !== 'string')
  return bad < 0 ? undefined : `$.${list}[${bad}].${title}: must be text`
}
