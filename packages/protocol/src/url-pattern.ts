/**
 * Turns a path glob into a regular expression: `*` is any run of characters but `/`, `**` any run at
 * all, and a trailing `/**` also matches the folder itself (`/projects/**` matches `/projects`).
 */
const glob = (pattern: string): RegExp =>
  RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\/\*\*$|\*\*|\*/g, (m) => (m == '*' ? '[^/]*' : m == '**' ? '.*' : '(?:/.*)?'))}$`)

/** Splits a URL or path into path, query and fragment; the origin is dropped, a trailing `/` ignored. */
function parts(url: string): [string, string, string] {
  const m = /^(?:[a-z][a-z\d+.-]*:\/\/[^/?#]*)?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/i.exec(url) ?? []
  return [(m[1] || '/').replace(/(.)\/$/, '$1'), m[2] ?? '', m[3] ?? '']
}

/**
 * Whether a page URL matches a flow's URL pattern. The pattern's path is a glob over the path; when the
 * pattern has a query, each `key=value` in it must be in the URL's query (any order, value globbed; a
 * bare `key` only needs to be present); when it has a `#fragment`, the fragment is globbed too (hash
 * routers). Anything not in the pattern is ignored.
 * @example matchUrl('/projects/*?tab=settings', 'https://app.example.com/projects/42?x=1&tab=settings') // true
 */
export function matchUrl(pattern: string, url: string): boolean {
  const [path, query, hash] = parts(pattern)
  const [urlPath, urlQuery, urlHash] = parts(url)
  const have = new URLSearchParams(urlQuery)
  return glob(path).test(urlPath) && (!pattern.includes('#') || glob(hash).test(urlHash)) && query.split('&').every((pair) => {
    const [entry] = new URLSearchParams(pair)
    return !entry || have.getAll(entry[0]).some((v) => !pair.includes('=') || glob(entry[1]).test(v))
  })
}

/** Whether the URL matches one of the patterns. */
export const matchAnyUrl = (patterns: string | readonly string[], url: string): boolean =>
  [patterns].flat().some((p) => matchUrl(p, url))
