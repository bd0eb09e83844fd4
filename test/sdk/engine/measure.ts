/**
 * What the flow engine costs, gzip -9: the engine alone (esbuild, minified, protocol external), the
 * engine with its envelope check, and the growth of cairn.js from the engine — cairn.js with the real
 * engine minus cairn.js with `engine/index.ts` replaced by an empty stub — built both with esbuild and
 * with vite (rolldown and its minifier, as `npm run build` does).
 * Run: `npx tsx test/sdk/engine/measure.ts`
 */
import { build as esbuild, type Plugin } from 'esbuild'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build as vite, type Rolldown } from 'vite'

const root = resolve(import.meta.dirname, '../../..')
const engine = `${root}/packages/sdk/src/engine/index.ts`
const script = `${root}/packages/sdk/src/loader/script.ts`
const stub = 'export const createFlowEngine = () => ({})'
// The core may or may not import the engine yet; this import makes sure it is in.
const entry = `import ${JSON.stringify(script)}; import { createFlowEngine } from ${JSON.stringify(engine)}; globalThis.e = createFlowEngine`
const isEngine = /\/engine\/index\.ts$/
const gz = (code: string | Uint8Array): number => gzipSync(code, { level: 9 }).length

async function esb(contents: string, format: 'esm' | 'iife', { external = [] as string[], stubbed = false } = {}): Promise<number> {
  const plugin: Plugin = {
    name: 'entry',
    setup(b) {
      // The SDK says `sideEffects: false`; the classic script's entry is all side effects.
      b.onResolve({ filter: /script\.ts$/ }, () => ({ path: script, sideEffects: true }))
      if (stubbed) {
        b.onResolve({ filter: /engine\/index\.ts$/ }, () => ({ path: 'stub', namespace: 'stub' }))
        b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: stub }))
      }
    },
  }
  const out = await esbuild({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true, minify: true, format, write: false, external, target: 'es2022', logLevel: 'error', plugins: [plugin],
  })
  return gz(out.outputFiles[0]!.contents)
}

async function vt(stubbed: boolean): Promise<number> {
  const out = (await vite({
    configFile: false, logLevel: 'silent', root,
    plugins: [{
      name: 'entry',
      enforce: 'pre',
      async resolveId(id, importer) {
        if (id.endsWith('cairn-entry')) return '\0entry'
        if (id === script) return { id, moduleSideEffects: true }
        if (stubbed && (isEngine.test(id) || (importer && isEngine.test(resolve(importer, '..', id))))) return '\0stub'
        return null
      },
      load: (id) => (id === '\0entry' ? entry : id === '\0stub' ? stub : null),
    }],
    build: { write: false, minify: true, lib: { entry: 'cairn-entry', formats: ['iife'], name: 'cairnScript' } },
  })) as Rolldown.RolldownOutput[]
  return gz(out[0]!.output[0].code)
}

const index = `export * from ${JSON.stringify(engine)}`
const [eCore, eBoth, vCore, vBoth] = [await esb(entry, 'iife', { stubbed: true }), await esb(entry, 'iife'), await vt(true), await vt(false)]
const rows = {
  'engine alone (esbuild esm, protocol external)': await esb(index, 'esm', { external: ['@cairn/protocol'] }),
  'engine + envelope check (esbuild esm)': await esb(index, 'esm'),
  'cairn.js, engine stubbed (esbuild)': eCore,
  'cairn.js (esbuild)': eBoth,
  'engine in cairn.js (esbuild)': eBoth - eCore,
  'cairn.js, engine stubbed (vite)': vCore,
  'cairn.js (vite)': vBoth,
  'engine in cairn.js (vite)': vBoth - vCore,
}
for (const [k, v] of Object.entries(rows)) console.log(`${k.padEnd(48)} ${String(v).padStart(6)} B  ${(v / 1024).toFixed(2)} KB`)
