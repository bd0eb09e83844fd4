/**
 * Inline nodes of the markdown subset. A plain string is text; `tok` is a personalization token
 * (`{{user.firstName|there}}`) left unresolved so the tree can be parsed once and filled per user.
 */
export type Inline =
  | string
  | { t: 'b' | 'i'; c: Inline[] }
  | { t: 'a'; href: string; c: Inline[] }
  | { t: 'br' }
  | { t: 'tok'; expr: string }

/** Block nodes: paragraphs and lists (each list item is a run of inline nodes). */
export type Block = { t: 'p'; c: Inline[] } | { t: 'ul' | 'ol'; items: Inline[][] }

// Longer input is cut: content is bounded by the protocol (5,000 chars), this guards direct callers.
const MAX_INPUT = 10_000
// Deeper emphasis nesting is left as literal text, so hostile input can't recurse without bound.
const MAX_DEPTH = 6
const LIST_ITEM = /^\s{0,3}(?:([-*+])|\d{1,9}[.)])\s+(.*)$/
const ESCAPABLE = '\\*_[](){}`!#.-+|'
const WORD = /[\p{L}\p{N}]/u

/**
 * Parses the markdown subset: paragraphs (blank-line separated), line breaks, `-`/`*`/`1.` lists,
 * `**bold**`/`__bold__`, `*italic*`/`_italic_`, `[text](url)` links, `\` escapes and `{{tokens}}`.
 * Anything else stays literal text. Pure: builds data, never HTML.
 * @example parseMarkdown('Hi **{{user.firstName|there}}**') // [{ t: 'p', c: ['Hi ', { t: 'b', c: [{ t: 'tok', … }] }] }]
 */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = []
  let para: string[] = []
  const endPara = () => {
    if (para.length) blocks.push({ t: 'p', c: parseInline(para.join('\n')) })
    para = []
  }
  for (const line of source.slice(0, MAX_INPUT).replace(/\r\n?/g, '\n').split('\n')) {
    const item = LIST_ITEM.exec(line)
    if (item) {
      endPara()
      const kind = item[1] ? 'ul' : 'ol'
      const last = blocks[blocks.length - 1]
      const content = parseInline(item[2] ?? '')
      if (last && last.t === kind) last.items.push(content)
      else blocks.push({ t: kind, items: [content] })
    } else if (line.trim() === '') {
      endPara()
      // A blank line ends a list too: the next item starts a new one.
      blocks.push({ t: 'p', c: [] })
    } else {
      para.push(line.trim())
    }
  }
  endPara()
  return blocks.filter((block) => block.t !== 'p' || block.c.length > 0)
}

/**
 * Parses one run of inline markdown (titles, labels, list items). `\n` becomes a line break.
 * @example parseInline('Read [the guide](/docs)') // ['Read ', { t: 'a', href: '/docs', c: ['the guide'] }]
 */
export function parseInline(source: string, depth = 0, inLink = false): Inline[] {
  const out: Inline[] = []
  let text = ''
  const push = (node: Inline) => {
    if (text) out.push(text)
    text = ''
    out.push(node)
  }
  const s = source.slice(0, MAX_INPUT)
  let i = 0
  while (i < s.length) {
    const c = s[i] as string
    if (c === '\\' && ESCAPABLE.includes(s[i + 1] ?? ' ')) {
      text += s[i + 1]
      i += 2
      continue
    }
    if (c === '\n') {
      push({ t: 'br' })
      i++
      continue
    }
    if (s.startsWith('{{', i)) {
      const end = s.indexOf('}}', i + 2)
      if (end > 0) {
        push({ t: 'tok', expr: s.slice(i + 2, end) })
        i = end + 2
        continue
      }
    }
    if (c === '[' && !inLink) {
      const link = matchLink(s, i)
      if (link) {
        push({ t: 'a', href: link.href, c: parseInline(link.text, depth + 1, true) })
        i = link.end
        continue
      }
    }
    if ((c === '*' || c === '_') && depth < MAX_DEPTH) {
      const mark = s[i + 1] === c ? c + c : c
      const end = closing(s, i, mark)
      if (end > 0) {
        push({ t: mark.length === 2 ? 'b' : 'i', c: parseInline(s.slice(i + mark.length, end), depth + 1, inLink) })
        i = end + mark.length
        continue
      }
      // An unmatched run of markers is literal as a whole, so `**` never reopens as `*`.
      text += mark
      i += mark.length
      continue
    }
    text += c
    i++
  }
  if (text) out.push(text)
  return out
}

/** Index of the delimiter closing the one at `open`, or -1. Content must not start or end with a space. */
function closing(s: string, open: number, mark: string): number {
  const start = open + mark.length
  const first = s[start]
  if (first === undefined || /\s/.test(first)) return -1
  // `_` inside a word (snake_case) is not emphasis.
  if (mark[0] === '_' && WORD.test(s[open - 1] ?? '')) return -1
  let at = s.indexOf(mark, start + 1)
  while (at > 0) {
    const before = s[at - 1] as string
    const after = s[at + mark.length] ?? ''
    const single = mark.length === 1 && after === mark
    if (!/\s/.test(before) && !single && !(mark[0] === '_' && WORD.test(after))) {
      // `***`: the strong closes at the end of the run, leaving the first marker to an inner emphasis.
      while (s[at + mark.length] === mark[0]) at++
      return at
    }
    at = s.indexOf(mark, at + (single ? 2 : 1))
  }
  return -1
}

/** `[text](href)` starting at `open`, or undefined when the brackets don't form a link. */
function matchLink(s: string, open: number): { text: string; href: string; end: number } | undefined {
  const close = s.indexOf('](', open + 1)
  if (close < 0 || /[[\n]/.test(s.slice(open + 1, close))) return undefined
  const end = s.indexOf(')', close + 2)
  if (end < 0) return undefined
  const href = s.slice(close + 2, end).trim()
  if (!href || /\s/.test(href)) return undefined
  return { text: s.slice(open + 1, close), href, end: end + 1 }
}
