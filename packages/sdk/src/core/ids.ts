import { uuidv7 } from '@cairn/protocol'

/** Random bytes, `crypto.getRandomValues` in the browser. */
export type RandomBytes = (length: number) => Uint8Array

/** Browser randomness (every browser that runs our ES2022 build, and Node, has `crypto.getRandomValues`). */
export const cryptoBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length))

/**
 * Deterministic bytes from a seed (xorshift32): the twin for tests.
 * @example createClient({ …, random: seededBytes(42) })
 */
export function seededBytes(seed = 1): RandomBytes {
  let state = seed >>> 0 || 1
  return (length) => {
    const bytes = new Uint8Array(length)
    for (let i = 0; i < length; i++) {
      state ^= state << 13
      state ^= state >>> 17
      state ^= state << 5
      state >>>= 0
      bytes[i] = state & 0xff
    }
    return bytes
  }
}

/** A number in [0, 1) from random bytes (for jitter and sampling). */
export function unit(random: RandomBytes): number {
  return random(4).reduce((n, byte) => n * 256 + byte, 0) / 2 ** 32
}

/** A UUIDv7 from the clock and the random source. */
export function newId(now: () => number, random: RandomBytes): string {
  return uuidv7(now(), random(10))
}
