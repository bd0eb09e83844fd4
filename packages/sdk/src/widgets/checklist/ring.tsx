import { ringFill } from './progress.ts'

/**
 * The progress ring: a track and an arc filled `done` of `total`, from twelve o'clock (mirrored in
 * right-to-left text by the stylesheet). Decorative: the count next to it says the same in words.
 */
export function Ring({ done, total, size = 36 }: { done: number; total: number; size?: number }) {
  return (
    <svg class="cl-ring" width={size} height={size} viewBox="0 0 36 36" aria-hidden="true" focusable="false">
      <circle class="cl-track" cx="18" cy="18" r="15" />
      <circle class="cl-fill" cx="18" cy="18" r="15" pathLength={100} stroke-dasharray={`${ringFill(done, total)} 100`} transform="rotate(-90 18 18)" />
    </svg>
  )
}
