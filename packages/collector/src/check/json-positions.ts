import { parse, type AnyNode } from '@humanwhocodes/momoa'

type Place = { line: number; column: number }
/** Where each JSON path of a document is: its value, or for an object member its key. */
export type Positions = { at(path: string): Place; key(path: string): Place }

/** A member key as the protocol's problem paths write it (`.key`, or `["odd key"]`). */
const keyPath = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`)

/**
 * Parses JSON keeping source positions (momoa), so a problem reported at a JSON path can be shown
 * at its line and column. A path that leads nowhere (a missing key) resolves to its nearest parent
 * that exists. Throws momoa's error, with `line` and `column`, on invalid JSON.
 */
export function jsonPositions(text: string): Positions {
  const values = new Map<string, Place>()
  const keys = new Map<string, Place>()
  const place = ({ line, column }: Place): Place => ({ line, column })
  const walk = (node: AnyNode, path: string) => {
    values.set(path, place(node.loc.start))
    if (node.type === 'Object') {
      for (const member of node.members) {
        const child = path + keyPath(member.name.type === 'String' ? member.name.value : member.name.name)
        keys.set(child, place(member.name.loc.start))
        walk(member.value, child)
      }
    } else if (node.type === 'Array') {
      node.elements.forEach((element, i) => walk(element.value, `${path}[${i}]`))
    }
  }
  walk(parse(text).body, '$')
  const at = (path: string): Place => {
    for (let p = path; ; p = p.replace(/(\.[^.[\]]+|\[[^\]]*\])$/, '')) {
      const place = values.get(p)
      if (place) return place
      if (p === '$' || p === '') return { line: 1, column: 1 }
    }
  }
  return { at, key: (path) => keys.get(path) ?? at(path) }
}
