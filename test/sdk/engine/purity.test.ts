import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const dir = join(process.cwd(), 'packages/sdk/src/engine')
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'))
const source = (f: string) => readFileSync(join(dir, f), 'utf8')

describe('the engine stays UI-free and side-effect free', () => {
  // nanostores holds the runtime's state (runtime-state.ts): stores, no UI, no effects of their own.
  it.each(files)('%s imports only the protocol, nanostores and its siblings', (f) => {
    const from = [...source(f).matchAll(/\bfrom '([^']+)'/g)].map((m) => m[1]!)
    for (const spec of from) expect(spec === '@cairn/protocol' || spec === 'nanostores' || /^\.\/[a-z-]+\.ts$/.test(spec), spec).toBe(true)
  })

  it.each(files)('%s reads no clock, randomness, timers or browser globals of its own', (f) => {
    const code = source(f).replace(/\/\*\*[\s\S]*?\*\/|\/\/.*$/gm, '')
    expect(code).not.toMatch(/Date\.now|Math\.random|performance\.|\bwindow\b|\bdocument\b|\blocation\b|localStorage|(?<!deps\.)\b(setTimeout|clearTimeout|setInterval)\((?!\w+: )/)
    expect(code).not.toMatch(/\benum\b|\bclass\b/)
  })
})
