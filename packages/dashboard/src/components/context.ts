import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { Api } from '../api/client.ts'
import { createLocale, type Locale } from '../i18n/locale.ts'
import type { Navigation } from '../state/navigation.ts'
import type { SessionStore } from '../state/session.ts'

/** What every component may use: the API, the URL state, the session, the page's document. */
export type Dashboard = { api: Api; nav: Navigation; session: SessionStore; doc: Document; now: () => number; setLang(lang: Locale["lang"]): void }

export const LocaleContext = createContext<Locale>(createLocale('en'))
export const DashboardContext = createContext<Dashboard | null>(null)

export const useLocale = () => useContext(LocaleContext)
export function useDashboard(): Dashboard {
  const dashboard = useContext(DashboardContext)
  if (!dashboard) throw new Error('useDashboard outside <DashboardContext.Provider>')
  return dashboard
}
