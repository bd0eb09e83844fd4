import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
}

/** A static server for host pages. */
export type StaticServer = { url: string; close(): Promise<void> }

/**
 * Serves `mounts` (URL prefix → directory) on 127.0.0.1; a path without an extension in a mount that
 * has an `index.html` gets that file (a single-page app's routes). In `.html` files, `{{name}}` is replaced by
 * `vars()[name]`, read on each request (collector URL, the snippet, …).
 * @example startStaticServer({ '/pages/': 'test/e2e/pages', '/sdk/': 'packages/sdk/dist' }, () => ({ collector }))
 */
export async function startStaticServer(mounts: Record<string, string>, vars: () => Record<string, string> = () => ({})): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    const prefix = Object.keys(mounts).find((p) => path.startsWith(p))
    const root = prefix && resolve(mounts[prefix]!)
    const asked = root && join(root, normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, ''))
    // A single-page app's routes (paths without an extension) get its index.html, as its host serves them.
    const file = asked && !extname(asked) && existsSync(join(root, 'index.html')) ? join(root, 'index.html') : asked
    if (!root || !file || !file.startsWith(root) || !existsSync(file) || !extname(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    let body: string | Buffer = readFileSync(file)
    if (extname(file) === '.html') {
      const values = vars()
      body = body.toString('utf8').replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole)
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body)
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => {
      server.closeAllConnections()
      server.close(() => done())
    }),
  }
}
