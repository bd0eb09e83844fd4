import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { defaultClientConditions, defaultServerConditions, type Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import { chunkGraph } from './packages/sdk/build/chunk-graph.ts'

const sdk = 'packages/sdk'

/** Widget chunk entries: every top-level module in the SDK's `src/widgets/` (none yet is fine). */
function widgetEntries(): Record<string, string> {
  const dir = `${sdk}/src/widgets`
  if (!existsSync(dir)) return {}
  const files = readdirSync(dir, { withFileTypes: true }).filter((f) => f.isFile() && /\.tsx?$/.test(f.name) && !f.name.endsWith('.d.ts'))
  const widgets = Object.fromEntries(files.map((f) => [f.name.replace(/\.tsx?$/, ''), `${dir}/${f.name}`]))
  // The flow engine is a chunk too: cairn.js loads it only on pages that have flows (core/lazy-engine.ts);
  // so is its side of the stores and headless flows, which it loads only on pages that use them.
  return { ...widgets, engine: `${sdk}/src/core/engine-chunk.ts`, stores: `${sdk}/src/core/store-side.ts` }
}

/** The npm build's dependencies stay imports: the app's bundler dedupes them with its own copies. */
const NPM_EXTERNAL = /^(preact|nanostores|@floating-ui\/dom|@cairn\/protocol)(\/|$)/

/** Vitest's default conditions (vitest's getDefaultServerConditions). */
const TEST_CONDITIONS = defaultServerConditions.filter((c) => c !== 'module')

/** The snippet ships beside `cairn.js` so a team can copy it from the installed package. */
function snippetFile(): Plugin {
  return {
    name: 'cairn-snippet',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'snippet.js', source: readFileSync(`${sdk}/src/loader/snippet.js`, 'utf8') })
    },
  }
}

/**
 * One config for the build and the tests.
 *
 * `vite build` makes three things in packages/sdk/dist (see docs/sdk-build.md): `cairn.js`, the
 * classic script for the script tag and the snippet (IIFE, minified); `esm/index.js`, the npm entry;
 * and the widget chunks, ESM files next to `cairn.js` that it loads with `import()` on demand.
 *
 * Test projects: `node` (protocol, collector, budgets), `dom` (SDK, widgets and dashboard under happy-dom) and
 * `e2e` (real Chromium against a real collector) and `install` (the packed tarballs in a fresh project).
 */
export default defineConfig({
  // Inside the repository every `@cairn/*` import resolves to its TypeScript source (docs/packaging.md).
  // Under Vitest, on top of Vitest's own defaults (Node's conditions, for every test environment): the
  // browser ones would give happy-dom tests a second preact beside the one @testing-library loads.
  resolve: { conditions: ['@cairn/source', ...(process.env['VITEST'] ? TEST_CONDITIONS : defaultClientConditions)] },
  ssr: { resolve: { conditions: ['@cairn/source', ...TEST_CONDITIONS] } },
  builder: {
    async buildApp(builder) {
      for (const name of ['script', 'npm', 'widgets']) {
        if (name === 'widgets' && !Object.keys(widgetEntries()).length) continue
        await builder.build(builder.environments[name]!)
      }
    },
  },
  environments: {
    script: {
      consumer: 'client',
      build: {
        outDir: `${sdk}/dist`,
        emptyOutDir: true,
        minify: true,
        lib: { entry: `${sdk}/src/loader/script.ts`, formats: ['iife'], name: 'cairnScript' },
        rollupOptions: { plugins: [snippetFile()], output: { entryFileNames: 'cairn.js' } },
      },
    },
    npm: {
      consumer: 'client',
      build: {
        outDir: `${sdk}/dist/esm`,
        emptyOutDir: false,
        minify: false,
        lib: { entry: `${sdk}/src/index.ts`, formats: ['es'] },
        // Widgets are dynamic imports, so they come out as chunks; plain names keep the size table stable.
        rollupOptions: { external: (id) => NPM_EXTERNAL.test(id), output: { entryFileNames: 'index.js', chunkFileNames: '[name].js' } },
      },
    },
    widgets: {
      // A browser bundle: without this a custom environment builds like SSR and leaves `preact` external.
      consumer: 'client',
      build: {
        outDir: `${sdk}/dist`,
        emptyOutDir: false,
        minify: true,
        // Vite's preload helper would fetch a lazy chunk's imports from the host page's root (`/x.js`),
        // not from beside this script; `import()` of a chunk already loads what it imports.
        modulePreload: false,
        rollupOptions: {
          plugins: [chunkGraph()],
          input: widgetEntries(),
          // An entry may export more than its module does, so Rolldown merges the code the kinds share
          // into the entry that imports it: `runtime.js` is the runtime, not a re-export of a chunk with
          // it (one request fewer on every widget path, docs/sdk-build.md).
          preserveEntrySignatures: 'allow-extension',
          output: {
            format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunk-[name].js',
            // Chromium's explicit compile hint: compile every function while the chunk loads, not one by
            // one on first call (a cold first tour step spent ~25 ms compiling: test/bench/tour.bench.ts).
            // The shared runtime, floating-ui, the tour, the survey and the engine (21–35 B gzip each; the
            // checklist and announcement paths are at their byte ceilings).
            postBanner: (chunk) => (/^(runtime|position|engine|tour|survey)\.js$/.test(chunk.fileName) ? '//# allFunctionsCalledOnLoad' : ''),
          },
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{protocol,collector,size,demo}/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['test/{sdk,widgets,dashboard}/**/*.test.{ts,tsx}'],
          // Property tests of thousands of runs share 2 cores with the e2e browsers in `npm test`.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'install',
          environment: 'node',
          include: ['test/install/**/*.test.ts'],
          // Packing, `npm install` from the cache and a vite build before the first test (docs/packaging.md).
          testTimeout: 240_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
