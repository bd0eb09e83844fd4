import type { AnnouncementFlow } from '@cairn/protocol'
import { useContext } from 'preact/hooks'
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
 * link in a body; nothing for a tour CTA or a refused URL. Another site opens in a new tab unless
 * `newTab` says otherwise (`true`: even this site, `false`: even another site).
 */
export function CtaLink({ cta, onFollow }: CtaLinkProps) {
  const env = useContext(EnvContext) as WidgetEnv
  const url = cta && 'url' in cta && allowed(cta.url) ? cta : undefined
  if (!url) return null
  // `(`, `)` and spaces encoded to keep the URL one.
  const link = `[${url.label.replace(/[[\]\\]/g, '\\$&')}](${url.url.replace(/[()\s]/g, encodeURIComponent)})`
  return (
    <span class="cta-link" onClick={onFollow && env.guard((e: Event) => (e.target as Element).closest('a') && onFollow())}>
      {env.inline(link, url.newTab)}
    </span>
  )
}
