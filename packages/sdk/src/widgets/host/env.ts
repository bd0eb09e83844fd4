import { createContext } from 'preact'
import { plainText, renderBlocks, renderInline, type ContentContext } from '../../content/render.ts'
import { direction } from '../../i18n/locale.ts'
import { numberFormatter } from '../../i18n/numbers.ts'
import { translate } from '../../i18n/translate.ts'
import type { TokenUser } from '../../content/tokens.ts'
import type { WidgetEnv, WidgetEvent } from './types.ts'
import type { HostRoot } from './host-root.ts'

/** What building a widget's env needs from the runtime. */
export interface EnvParams {
  lang: string
  host: HostRoot
  user: TokenUser | undefined
  /** URL of the page, for links. */
  page: string
  matchUrl: WidgetEnv['matchUrl']
  emit(event: WidgetEvent): void
  end(type: 'completed' | 'dismissed', detail?: Omit<WidgetEvent, 'type'>): void
  fail(reason: string, error: unknown): void
}

/** The env of the widget being rendered, for shared UI primitives (buttons guard their handlers with it). */
export const EnvContext = createContext<WidgetEnv | undefined>(undefined)

/** Builds the `env` a widget component receives: language, content rendering, lifecycle, guards. */
export function createEnv(params: EnvParams): WidgetEnv {
  const { lang, host } = params
  const num = numberFormatter(lang)
  const content: ContentContext = { user: params.user, num, page: params.page }
  const fail = (error: unknown) => params.fail('render_failed', error)
  return {
    lang,
    dir: direction(lang),
    t: (table, key, vars) => translate(table, lang, key, vars, num),
    num,
    blocks: (source) => renderBlocks(source, content),
    inline: (source, newTab) => renderInline(source, { ...content, newTab }),
    plain: (source) => plainText(source, content),
    announce: (message) => host.announce(message, lang),
    matchUrl: params.matchUrl,
    emit: params.emit,
    end: params.end,
    fail,
    guard: (fn) => (...args) => {
      try {
        fn(...args)
      } catch (error) {
        fail(error)
      }
    },
    id: host.nextId,
  }
}
