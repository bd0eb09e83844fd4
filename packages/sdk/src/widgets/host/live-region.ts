/**
 * A visually hidden polite live region in the shadow root. Each `announce` replaces the text after a
 * short delay, so the same message twice is still read, and sets `lang` so the right voice reads it.
 */
export function createLiveRegion(root: ShadowRoot): (message: string, lang: string) => void {
  const doc = root.ownerDocument
  const region = doc.createElement('div')
  region.className = 'sr'
  region.setAttribute('role', 'status')
  region.setAttribute('aria-live', 'polite')
  root.append(region)
  let timer: ReturnType<typeof setTimeout> | undefined
  return (message, lang) => {
    region.textContent = ''
    region.lang = lang
    clearTimeout(timer)
    timer = setTimeout(() => {
      region.textContent = message
    }, 50)
  }
}
