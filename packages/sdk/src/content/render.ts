import { h, type ComponentChildren } from 'preact'
import { parseInline, parseMarkdown, type Block, type Inline } from './markdown.ts'
import { safeLink } from './safe-link.ts'
import { resolveToken, type TokenUser } from './tokens.ts'

/** What filling and rendering content needs to know about the reader. */
export interface ContentContext {
  user?: TokenUser | undefined
  /** Formats numbers in the reader's locale (token values). */
  num: (n: number) => string
  /** URL of the page, to resolve relative links and tell external ones. */
  page: string
  /** Whether links open in a new tab; by default those to another site do. */
  newTab?: boolean | undefined
}

/**
 * Renders body text (markdown subset + tokens) to preact nodes: `p`, `ul`, `ol`, `li`, `strong`, `em`,
 * `a`, `br` and text — never an HTML string. Unsafe links render as their text only.
 * @example renderBlocks('Hi **{{user.firstName|there}}**', ctx)
 */
export function renderBlocks(source: string | undefined, ctx: ContentContext): ComponentChildren {
  return source ? parseMarkdown(source).map((block) => renderBlock(block, ctx)) : null
}

/** Renders a title or label: inline markdown and tokens, no paragraphs or lists. */
export function renderInline(source: string | undefined, ctx: ContentContext): ComponentChildren {
  return source ? inlines(parseInline(source), ctx) : null
}

/** Plain text of inline content with tokens filled, for attributes such as `aria-label`. */
export function plainText(source: string | undefined, ctx: ContentContext): string {
  const text = (nodes: Inline[]): string =>
    nodes.map((n) => (typeof n === 'string' ? n : n.t === 'br' ? ' ' : n.t === 'tok' ? resolveToken(n.expr, ctx.user, ctx.num) : text(n.c))).join('')
  return source ? text(parseInline(source)) : ''
}

// No keys: content never reorders, so preact's positional diff is right.
function renderBlock(block: Block, ctx: ContentContext) {
  if (block.t === 'p') return h('p', null, inlines(block.c, ctx))
  return h(block.t, null, block.items.map((item) => h('li', null, inlines(item, ctx))))
}

function inlines(nodes: Inline[], ctx: ContentContext): ComponentChildren[] {
  return nodes.map((node) => {
    if (typeof node === 'string') return node
    if (node.t === 'br') return h('br', null)
    if (node.t === 'tok') return resolveToken(node.expr, ctx.user, ctx.num)
    if (node.t !== 'a') return h(node.t === 'b' ? 'strong' : 'em', null, inlines(node.c, ctx))
    const link = safeLink(fillHref(node.href, ctx), ctx.page)
    if (!link) return inlines(node.c, ctx)
    return h('a', { href: link.href, rel: 'noopener noreferrer', target: (ctx.newTab ?? link.external) ? '_blank' : undefined }, inlines(node.c, ctx))
  })
}

// Token values inside a URL are percent-encoded, so a trait can add a path segment but never a scheme.
function fillHref(href: string, ctx: ContentContext): string {
  return href.replace(/\{\{(.*?)\}\}/g, (_, expr: string) => encodeURIComponent(resolveToken(expr, ctx.user, ctx.num)))
}
