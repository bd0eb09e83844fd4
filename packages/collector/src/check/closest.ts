import { distance } from 'fastest-levenshtein'

/**
 * The candidate `value` was most likely meant to be: the nearest by edit distance (case ignored),
 * and only when it is near enough to be a typo: at most a third of the word (rounded up, so that two
 * swapped letters in a short word count), and never more than 3.
 */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.ceil(value.length / 3)))
  let best: { name: string; d: number } | undefined
  for (const name of candidates) {
    const d = distance(value.toLowerCase(), name.toLowerCase())
    if (d <= limit && d < (best?.d ?? Infinity)) best = { name, d }
  }
  return best?.name
}
