import type { AnnouncementFlow } from '@cairn/protocol'
import type { ComponentChildren } from 'preact'
import { useContext } from 'preact/hooks'
import { Button, COMMON_STRINGS, EnvContext, type WidgetEnv } from '../runtime.ts'
import { allowed, CtaLink } from './cta-link.tsx'

/** How the reader left: Done, the call to action, the × button or Esc. */
export type Finish = 'done' | 'cta' | 'close' | 'escape'

export interface BodyProps {
  flow: AnnouncementFlow
  ids: { title: string; body: string }
  finish(how: Finish): void
  /** Shown below the body (a digest's list). */
  children?: ComponentChildren
}

/**
 * What every style shows: the title, the image (with its alt text), the body, the call to action and
 * Done. A URL goes through the same check as links in content (http(s), mailto, relative) and opens
 * in a new tab when it leaves the site — or as `newTab` says: `true` a new tab even on this site,
 * `false` this tab even for another site. A rejected URL leaves no call to action (nor image).
 */
export function AnnouncementBody({ flow, ids, finish, children }: BodyProps) {
  const env = useContext(EnvContext) as WidgetEnv
  const { cta, media } = flow
  const image = media && allowed(media.src) && !/^\s*mailto:/i.test(media.src) ? media : undefined
  return (
    <div>
      <h2 id={ids.title} class="title">{env.inline(flow.title)}</h2>
      {image ? <img class="media" src={image.src} alt={env.plain(image.alt)} /> : null}
      {flow.body ? <div id={ids.body} class="body">{env.blocks(flow.body)}</div> : null}
      {children}
      <div class="actions">
        {cta && 'tour' in cta ? <Button primary onClick={() => finish('cta')}>{env.inline(cta.label)}</Button> : null}
        <CtaLink cta={cta} onFollow={() => finish('cta')} />
        <Button primary={!cta} autofocus onClick={() => finish('done')}>{env.t(COMMON_STRINGS, 'done')}</Button>
      </div>
    </div>
  )
}
