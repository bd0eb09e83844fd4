/** A request body read under a byte limit. */
export type BodyResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too_large' | 'unreadable' }

/**
 * Reads a request body, stopping as soon as it passes `limit` bytes: a declared Content-Length over
 * the limit is refused before reading anything, and a chunked body is cancelled at the chunk that
 * crosses it, so a client can't make the collector buffer more than `limit`.
 */
export async function readBody(request: Request, limit: number): Promise<BodyResult> {
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (declared > limit) return { ok: false, reason: 'too_large' }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        await reader.cancel().catch(() => {})
        return { ok: false, reason: 'too_large' }
      }
      chunks.push(value)
    }
  } catch {
    return { ok: false, reason: 'unreadable' }
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { ok: true, bytes }
}
