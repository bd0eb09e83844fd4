import { createServer, request as forward } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One `POST /v1/batch` that went through the proxy, and what it was answered. */
export type LoggedBatch = {
  at: number
  sentAt: number
  ids: string[]
  /** Each event's name (or type, for events without one), in order. */
  names: string[]
  /** HTTP status, or 0 when the proxy dropped the connection. */
  status: number
  /** The collector's `{ accepted, duplicates }` for requests it answered 200. */
  accepted?: number
  duplicates?: number
}

/** A scripted answer, used instead of forwarding. */
export type Fault = { status: number; headers?: Record<string, string> } | 'drop'

/** An HTTP proxy in front of the collector that can fail on command. */
export type FaultProxy = {
  url: string
  batches: LoggedBatch[]
  /** Answers the next batch requests with these faults, in order, then forwards again. */
  script(...faults: Fault[]): void
  /** While offline, every request's connection is dropped (a network error in the browser). */
  setOffline(offline: boolean): void
  /** Ids the collector answered 200 for, each time it did. */
  deliveredIds(): string[]
  close(): Promise<void>
}

const CORS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'Retry-After, ETag' }

/**
 * Starts a proxy on 127.0.0.1 that forwards to `target` (the collector), logs every batch, and can
 * answer with a scripted status (500, 429 + Retry-After, …) or drop connections (offline).
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const batches: LoggedBatch[] = []
  const faults: Fault[] = []
  let offline = false
  const upstream = new URL(target)

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const isBatch = req.method === 'POST' && req.url?.startsWith('/v1/batch')
      let entry: LoggedBatch | undefined
      if (isBatch) {
        const batch = JSON.parse(body.toString('utf8') || '{}') as { sentAt?: number; events?: { id: string; type: string; name?: string }[] }
        const events = batch.events ?? []
        entry = { at: Date.now(), sentAt: batch.sentAt ?? 0, ids: events.map((e) => e.id), names: events.map((e) => e.name ?? e.type), status: 0 }
        batches.push(entry)
      }
      const fault = isBatch ? faults.shift() : undefined
      if (offline || fault === 'drop') {
        req.socket.destroy()
        return
      }
      if (fault) {
        entry!.status = fault.status
        res.writeHead(fault.status, { ...CORS, 'content-type': 'application/json', ...fault.headers })
        res.end(JSON.stringify({ error: { code: 'injected', message: `fault injected by the test proxy (${fault.status})` } }))
        return
      }
      const headers: IncomingHttpHeaders = { ...req.headers, host: upstream.host }
      const out = forward({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (answer) => {
        const parts: Buffer[] = []
        answer.on('data', (chunk: Buffer) => parts.push(chunk))
        answer.on('end', () => {
          const text = Buffer.concat(parts)
          if (entry) {
            entry.status = answer.statusCode ?? 0
            if (entry.status === 200) Object.assign(entry, pick(JSON.parse(text.toString('utf8'))))
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers).end(text)
        })
      })
      out.on('error', () => req.socket.destroy())
      out.end(body)
    })
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    batches,
    script: (...next) => void faults.push(...next),
    setOffline: (value) => { offline = value },
    deliveredIds: () => batches.filter((b) => b.status === 200).flatMap((b) => b.ids),
    close: () => new Promise((done) => {
      server.closeAllConnections()
      server.close(() => done())
    }),
  }
}

const pick = (body: { accepted?: number; duplicates?: number }) => ({ accepted: body.accepted ?? 0, duplicates: body.duplicates ?? 0 })
