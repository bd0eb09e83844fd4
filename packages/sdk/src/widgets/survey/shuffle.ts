/**
 * `items` in an order of their own for one reader, the same on every visit: sorted by a hash
 * (FNV-1a, then murmur3's finalizer) of the reader and the item's id. Written here rather than
 * imported from the engine, so the npm build doesn't split the engine's hash into a chunk that the
 * core would then import.
 * @example shuffled([{ id: 'a' }, { id: 'b' }, { id: 'c' }], 'user-42') // the same order for user-42 every time
 */
export function shuffled<T extends { id: string }>(items: readonly T[], reader: string): T[] {
  const rank = (key: string) => {
    let h = 0x811c9dc5
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
    // Keys differ in their last characters: mix those into the high bits too (murmur3's finalizer).
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
    return (h ^ (h >>> 16)) >>> 0
  }
  return items.map((item) => [rank(`${reader}:${item.id}`), item] as const).sort(([a], [b]) => a - b).map(([, item]) => item)
}
