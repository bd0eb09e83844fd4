/**
 * Each built chunk's static imports, as `name:dep,dep;name:dep`: written into this string by the
 * widgets build (`packages/sdk/build/chunk-graph.ts`); empty elsewhere (the npm build, tests), where
 * a bundler or the test runner resolves imports itself.
 */
const GRAPH: string = '__cairn_chunk_graph__'

/**
 * The chunks that `name` imports, directly or not. The browser finds a chunk's imports only once the
 * chunk has arrived, one round trip per level; asked for together with the chunk, they all come in
 * the same round trip.
 * @example chunkDeps('tour') // ['chunk-dom-target', 'runtime', 'position']
 */
export function chunkDeps(name: string): string[] {
  const graph = new Map(GRAPH.split(';').map((entry) => entry.split(':') as [string, string]))
  const found = new Set<string>()
  const visit = (chunk: string) => {
    for (const dep of graph.get(chunk)?.split(',') ?? []) if (dep && !found.has(dep)) found.add(dep), visit(dep)
  }
  visit(name)
  return [...found]
}
