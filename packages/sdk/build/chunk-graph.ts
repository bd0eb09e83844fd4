import type { Plugin } from 'vite'

/**
 * The browser finds a module's static imports only once the module has arrived: one round trip per
 * level of imports. This plugin of the widgets build writes each chunk's static imports into the
 * engine's chunk loader (`src/core/chunk-deps.ts`), so that a chunk and everything it imports are
 * asked for in the same round trip (docs/sdk-build.md). Names only (`tour`, `chunk-dom-target`), joined
 * by `,`, `:` and `;`: safe inside whichever quotes the minifier chose.
 */
export function chunkGraph(): Plugin {
  const name = (file: string) => file.replace(/\.js$/, '')
  return {
    name: 'cairn-chunk-graph',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk')
      const graph = chunks
        .filter((chunk) => chunk.imports.length)
        .map((chunk) => `${name(chunk.fileName)}:${[...new Set(chunk.imports.map(name))].join(',')}`)
        .join(';')
      for (const chunk of chunks) chunk.code = chunk.code.replaceAll('__cairn_chunk_graph__', graph)
    },
  }
}
