import type { AnnouncementFlow } from '@cairn/protocol'
import { useContext, useLayoutEffect, useRef } from 'preact/hooks'
import { safeLink } from '../../content/safe-link.ts'
import { EnvContext, type WidgetEnv } from '../runtime.ts'

/** Whether a URL passes the content links' scheme check (only the scheme matters, hence the stand-in base). */
export const allowed = (url: string): boolean => !!safeLink(url, 'https://base.invalid/')

export interface CtaLinkProps {
  cta: AnnouncementFlow['cta']
  /** The reader followed the link. */
  onFollow?: (() => void) | undefined
}

/**
 * A URL call to action, composed as a content link (`[label](url)`) so the URL is judged like any
 * link in a body; nothing for a tour CTA or a refused URL. The content renderer opens another site in
 * a new tab; `newTab` overrides that both ways (`true`: even this site, `false`: even another site).
 */
export function CtaLink({ cta, onFollow }: CtaLinkProps) {
  const env = useContext(EnvContext) as WidgetEnv
  const ref = useRef<HTMLSpanElement>(null)
  const url = cta && 'url' in cta && allowed(cta.url) ? cta : undefined
  useLayoutEffect(() => {
    const a = ref.current?.querySelector('a')
    if (a && url?.newTab) a.target = '_blank'
    else if (a && url?.newTab === false) a.removeAttribute('target')
  })
  if (!url) return null
  // `(`, `)` and spaces encoded to keep the URL one.
  const link = `[${url.label.replace(/[[\]\\]/g, '\\$&')}](${url.url.replace(/[()\s]/g, encodeURIComponent)})`
  return (
    <span ref={ref} class="cta-link" onClick={onFollow && env.guard((e: Event) => (e.target as Element).closest('a') && onFollow())}>
      {env.inline(link)}
    </span>
  )
}
