import { useLayoutEffect, useRef, useState } from 'preact/hooks'

/**
 * The width of the element the ref is on, followed as it resizes, so charts draw at their real
 * size (text stays readable on a phone). Without layout (happy-dom) it is `fallback`.
 */
export function useWidth<T extends Element>(fallback = 640) {
  const ref = useRef<T>(null)
  const [width, setWidth] = useState(fallback)
  useLayoutEffect(() => {
    const el = ref.current
    const view = el?.ownerDocument.defaultView
    if (!el || !view || !('ResizeObserver' in view)) return
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width)
      if (w > 0) setWidth(w)
    }
    measure()
    const observer = new view.ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  return [ref, width] as const
}
