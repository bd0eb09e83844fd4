/**
 * What the flow engine costs, gzip -9: the engine alone (esbuild, minified, protocol external), the
 * engine with its envelope check, and the growth of cairn.js when the core imports `createFlowEngine`
 * — built both with esbuild and with vite (rolldown + its minifier, as `npm run build` does).
 * Run: `npx tsx test/sdk/engine/measure.ts`
 */
import { build as esbuild } from 'esbuild'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build as vite, type Rolldown } from 'vite'

const root = resolve(import.meta.dirname, '../../..')
const engine = JSON.stringify(`${root}/packages/sdk/src/engine/index.ts`)
const script = `${root}/packages/sdk/src/loader/script.ts`
const gz = (code: string | Uint8Array): number => gzipSync(code, { level: 9 }).length
const core = `import ${JSON.stringify(script)}`
const withEngine = `${core}; import { createFlowEngine } from ${engine}; globalThis.e = createFlowEngine`

async function esb(contents: string, format: 'esm' | 'iife', external: string[] = []): Promise<number> {
  const out = await esbuild({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true, minify: true, format, write: false, external, target: 'es2020', logLevel: 'error',
    // The SDK says `sideEffects: false`; the classic script's entry is all side effects.
    plugins: [{ name: 'entry', setup: (b) => b.onResolve({ filter: /script\.ts$/ }, () => ({ path: script, sideEffects: true })) }],
  })
  return gz(out.outputFiles[0]!.contents)
}

async function vt(contents: string): Promise<number> {
  const out = (await vite({
    configFile: false, logLevel: 'silent', root,
    plugins: [{
      name: 'entry',
      enforce: 'pre',
      resolveId: (id) => (id.endsWith('cairn-entry') ? '\0entry' : id === script ? { id, moduleSideEffects: true } : null),
      load: (id) => (id === '\0entry' ? contents : null),
    }],
    build: { write: false, minify: true, lib: { entry: 'cairn-entry', formats: ['iife'], name: 'cairnScript' } },
  })) as Rolldown.RolldownOutput[]
  return gz(out[0]!.output[0].code)
}

const [eCore, eBoth, vCore, vBoth] = [await esb(core, 'iife'), await esb(withEngine, 'iife'), await vt(core), await vt(withEngine)]
const rows = {
  'engine alone (esbuild esm, protocol external)': await esb(`export * from ${engine}`, 'esm', ['@cairn/protocol']),
  'engine + envelope check (esbuild esm)': await esb(`export * from ${engine}`, 'esm'),
  'cairn.js core (esbuild)': eCore,
  'cairn.js core + engine (esbuild)': eBoth,
  'delta (esbuild)': eBoth - eCore,
  'cairn.js core (vite)': vCore,
  'cairn.js core + engine (vite)': vBoth,
  'delta (vite)': vBoth - vCore,
}
for (const [k, v] of Object.entries(rows)) console.log(`${k.padEnd(48)} ${String(v).padStart(6)} B  ${(v / 1024).toFixed(2)} KB`)
