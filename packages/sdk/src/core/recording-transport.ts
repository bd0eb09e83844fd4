import type { Batch } from '@cairn/protocol'
import type { Transport, TransportResult } from './transport.ts'

/** One request a {@link recordingTransport} received. */
export type RecordedRequest = { url: string; batch: Batch; keepalive: boolean }

/** A {@link Transport} twin that records every batch and answers as told. */
export interface RecordingTransport extends Transport {
  readonly requests: RecordedRequest[]
  /** Every event id sent, in order, duplicates included. */
  sentIds(): string[]
}

/**
 * Creates a {@link RecordingTransport}. `respond` decides each answer (default: 200 with everything
 * accepted); it may return a promise to hold a request open.
 * @example const transport = recordingTransport(() => ({ status: 503 }))
 */
export function recordingTransport(
  respond: (request: RecordedRequest) => TransportResult | Promise<TransportResult> = ({ batch }) => ({
    status: 200, body: { accepted: batch.events.length, duplicates: 0, rejected: [] },
  }),
): RecordingTransport {
  const requests: RecordedRequest[] = []
  return {
    requests,
    sentIds: () => requests.flatMap((r) => r.batch.events.map((e) => e.id)),
    async send(url, body, { keepalive }) {
      const request = { url, batch: JSON.parse(body) as Batch, keepalive }
      requests.push(request)
      return respond(request)
    },
  }
}
