/** A link target that passed the scheme check, resolved against the page. */
export interface SafeLink {
  href: string
  /** Another origin (or mailto): opened with `target=_blank`. */
  external: boolean
}

const ALLOWED = new Set(['http:', 'https:', 'mailto:'])

/**
 * Accepts `http(s):`, `mailto:` and relative URLs, rejects everything else (`javascript:`, `data:`,
 * `vbscript:`, protocol-relative `//host`). The URL is parsed the way the browser will parse it, so
 * tricks like `java\tscript:` or leading control characters are judged by what they become.
 * @example safeLink('/docs', 'https://app.example/home') // { href: 'https://app.example/docs', external: false }
 */
export function safeLink(raw: string, page: string): SafeLink | undefined {
  // The browser strips these before parsing; strip them first so `//` detection sees what it will.
  const cleaned = raw.replace(/[\t\n\r]/g, '').replace(/^[\0- ]+|[\0- ]+$/g, '')
  if (/^[\\/]{2}/.test(cleaned)) return undefined
  let url: URL
  let base: URL
  try {
    base = new URL(page)
    url = new URL(cleaned, base)
  } catch {
    return undefined
  }
  if (!ALLOWED.has(url.protocol)) return undefined
  return { href: url.href, external: url.protocol === 'mailto:' ? false : url.origin !== base.origin }
}
