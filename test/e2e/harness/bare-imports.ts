import { readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../../..')
const CONDITIONS = new Set(['browser', 'import', 'module', 'default'])
/** `from "x"`, `import "x"`, `import("x")` with a bare specifier (not `./`, `../` or `/`). */
const BARE = /(\bfrom\s*|\bimport\s*\(?\s*)(["'])([^"'./][^"']*)\2/g

type Target = string | { [condition: string]: Target } | null | undefined

function pick(target: Target): string | undefined {
  if (typeof target === 'string' || !target) return target ?? undefined
  for (const [condition, inner] of Object.entries(target)) {
    const found = CONDITIONS.has(condition) ? pick(inner) : undefined
    if (found) return found
  }
  return undefined
}

/** The file a browser-targeting bundler would take for `specifier`, relative to the repository root. */
function browserFile(specifier: string): string {
  // The built protocol, as an installed package has it (its `@cairn/source` files are TypeScript).
  if (specifier === '@cairn/protocol') return 'packages/protocol/dist/index.js'
  const parts = specifier.split('/')
  const name = parts.splice(0, specifier.startsWith('@') ? 2 : 1).join('/')
  const dir = join('node_modules', name)
  const manifest = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as { exports?: Record<string, Target>; module?: string; main?: string }
  const sub = parts.length ? `./${parts.join('/')}` : '.'
  const file = manifest.exports ? pick(manifest.exports[sub]) : sub === '.' ? (manifest.module ?? manifest.main) : sub
  if (!file) throw new Error(`no browser file for ${specifier}`)
  return relative(ROOT, join(ROOT, dir, file))
}

/**
 * The npm build leaves its dependencies as bare imports for the app's bundler. A test page has no
 * bundler, so its server does the two things one would: each bare import becomes the root-relative
 * URL of the file (`/node_modules/preact/dist/preact.module.js`), which {@link repoFile} then serves,
 * and `process.env.NODE_ENV` (nanostores reads it when a store is made) becomes `"production"`.
 */
export const asBundled = (code: string) =>
  code
    .replace(BARE, (_, before: string, quote: string, spec: string) => `${before}${quote}/${browserFile(spec)}${quote}`)
    .replaceAll('process.env.NODE_ENV', '"production"')

/** The repository file a rewritten URL names, when it is a dependency's or the built protocol's JavaScript. */
export function repoFile(path: string): string | undefined {
  const file = resolve(ROOT, `.${path}`)
  const allowed = [join(ROOT, 'node_modules'), join(ROOT, 'packages/protocol/dist')]
  return allowed.some((dir) => file.startsWith(`${dir}/`)) && /\.m?js$/.test(file) ? file : undefined
}
