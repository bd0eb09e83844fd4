import type { ChecklistItem } from '@cairn/protocol'
import { useContext } from 'preact/hooks'
import { safeLink } from '../../content/safe-link.ts'
import { CHECKLIST_STRINGS } from '../../i18n/checklist-strings.ts'
import { EnvContext, type WidgetEnv } from '../runtime.ts'
import { itemUse } from './progress.ts'

export interface ItemRowProps {
  item: ChecklistItem
  done: boolean
  /** The reader used the item: started its tour, followed its link or ticked it. */
  onUse(): void
}

/** Any real origin is another one: absolute http(s) links open in a new tab, relative ones here. */
const BASE = 'https://base.invalid/'

/**
 * One item: a mark that says (to screen readers too) whether it is done, its title — a button that
 * starts its tour, a link (plain text if the URL is refused; absolute URLs open in a new tab), a
 * checkbox to tick by hand, or plain text when events tick it — and its description.
 */
export function ItemRow({ item, done, onUse }: ItemRowProps) {
  const env = useContext(EnvContext) as WidgetEnv
  const use = itemUse(item)
  const url = (item.action as { url?: string } | undefined)?.url ?? ''
  // The same scheme check as links in content: http(s), mailto and relative URLs only.
  const link = use == 'url' ? safeLink(url, BASE) : undefined
  const title = env.inline(item.title)
  const name =
    use == 'tour' ? <button type="button" class="cl-act cl-name" onClick={env.guard(onUse)}>{title}</button>
    : link ? (
      <a class="cl-act cl-name" href={link.external ? link.href : url} onClick={env.guard(onUse)} {...(link.external && { target: '_blank', rel: 'noopener noreferrer' })}>
        {title}
      </a>
    )
    : use == 'tick' ? (
      <button type="button" role="checkbox" aria-checked={done} class="cl-act cl-name" disabled={done} onClick={env.guard(onUse)}>{title}</button>
    )
    : <span class="cl-name">{title}</span>
  return (
    <li class={done ? 'cl-item cl-on' : 'cl-item'}>
      <span class="cl-mark" role="img" aria-label={env.t(CHECKLIST_STRINGS, done ? 'itemDone' : 'itemTodo')}>
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="M2 6.5 5 9l5-6" fill="none" stroke="currentColor" stroke-width="2" />
        </svg>
      </span>
      <div>
        {name}
        {item.description ? <p class="cl-desc">{env.inline(item.description)}</p> : null}
      </div>
    </li>
  )
}
