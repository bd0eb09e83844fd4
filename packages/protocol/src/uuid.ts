/** A UUIDv7 (RFC 9562): 48-bit millisecond timestamp, version 7, variant 10. */
export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

/**
 * Builds a UUIDv7 from a clock reading and 10 random bytes. Pure: the caller passes the entropy, so
 * tests are deterministic and the SDK can use `crypto.getRandomValues`.
 * @example uuidv7(Date.now(), crypto.getRandomValues(new Uint8Array(10)))
 */
export function uuidv7(ms: number, random: Uint8Array): string {
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0')
  const r = (i: number) => random[i] ?? 0
  const time = hex(Math.floor(ms) % 2 ** 48, 12)
  const node = Array.from({ length: 6 }, (_, i) => hex(r(i + 4), 2)).join('')
  const version = '7' + hex((r(0) << 4 | r(1) >> 4) & 0xfff, 3)
  const variant = hex(0x8000 | ((r(2) << 8 | r(3)) & 0x3fff), 4)
  return `${time.slice(0, 8)}-${time.slice(8)}-${version}-${variant}-${node}`
}

/** The millisecond timestamp a UUIDv7 carries. */
export function uuidv7Time(id: string): number {
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16)
}
