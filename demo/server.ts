import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'

const DEMO = import.meta.dirname
const ROOT = resolve(DEMO, '..')
const DIST = join(ROOT, 'packages/sdk/dist')
const SNIPPET = join(ROOT, 'packages/sdk/src/loader/snippet.js')
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.json': 'application/json',
}

/** A running demo site. */
export type DemoServer = { url: string; close(): Promise<void> }

/** Which file answers a path: the two pages, their assets, and the built SDK under `/sdk/`. */
function fileFor(path: string): string | undefined {
  if (path === '/' || path === '/index.html') return join(DEMO, 'index.html')
  if (/^\/boards\/[\w-]+\/?$/.test(path)) return join(DEMO, 'board.html')
  if (path === '/headless') return join(DEMO, 'headless.html')
  const [root, rest] = path.startsWith('/sdk/') ? [DIST, path.slice(5)] : path.startsWith('/assets/') ? [join(DEMO, 'assets'), path.slice(8)] : []
  if (!root || rest === undefined) return undefined
  const file = join(root, normalize(rest).replace(/^(\.\.[/\\])+/, ''))
  return file.startsWith(root) && existsSync(file) && extname(file) ? file : undefined
}

/**
 * Serves the demo app (a made-up project tracker, "Acme Boards") on 127.0.0.1. Its pages install
 * Cairn with the copy-paste snippet, inlined here from `packages/sdk/src/loader/snippet.js` and
 * pointed at `/sdk/cairn.js`; `{{collector}}` in a page becomes `collectorUrl`.
 */
export async function startDemoServer({ port = 0, collectorUrl }: { port?: number; collectorUrl: string }): Promise<DemoServer> {
  const snippet = readFileSync(SNIPPET, 'utf8').trim().replace(/"https:\/\/[^"]+\/cairn\.js"/, '"/sdk/cairn.js"')
  const server = createServer((req, res) => {
    const file = fileFor(new URL(req.url ?? '/', 'http://127.0.0.1').pathname)
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found')
      return
    }
    let body: string | Buffer = readFileSync(file)
    if (extname(file) === '.html') body = body.toString('utf8').replace('{{snippet}}', snippet).replaceAll('{{collector}}', collectorUrl)
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body)
  })
  await new Promise<void>((ready, fail) => {
    server.once('error', fail)
    server.listen(port, '127.0.0.1', ready)
  })
  const address = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((done) => {
      server.closeAllConnections()
      server.close(() => done())
    }),
  }
}
