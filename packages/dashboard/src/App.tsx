import { useStore } from '@nanostores/preact'
import { useEffect, useMemo } from 'preact/hooks'
import { DashboardContext, LocaleContext, useDashboard, useLocale, type Dashboard } from './components/context.ts'
import { Shell } from './components/Shell.tsx'
import { SignIn } from './components/SignIn.tsx'
import { Loading } from './components/States.tsx'
import { createLocale, pickLang } from './i18n/locale.ts'
import { ChecklistsPage } from './pages/Checklist.tsx'
import { ExperimentsPage } from './pages/Experiments.tsx'
import { MilestonesPage } from './pages/Milestones.tsx'
import { OverviewPage } from './pages/Overview.tsx'
import { RetentionPage } from './pages/Retention.tsx'
import { SurveysPage } from './pages/Survey.tsx'
import { ToursPage } from './pages/Tour.tsx'
import type { Place } from './state/navigation.ts'

function Page({ place }: { place: Place | null }) {
  const l = useLocale()
  const { nav } = useDashboard()
  switch (place?.route) {
    case 'overview': return <OverviewPage />
    case 'retention': return <RetentionPage />
    case 'surveys': case 'survey': return <SurveysPage id={place.id} />
    case 'tours': case 'tour': return <ToursPage id={place.id} />
    case 'checklists': case 'checklist': return <ChecklistsPage id={place.id} />
    case 'milestones': return <MilestonesPage />
    case 'experiments': return <ExperimentsPage />
    default: return <div class="state empty card"><p>{l.t('notFound')}</p><a href={nav.href('overview')}>{l.t('backToOverview')}</a></div>
  }
}


function Screens() {
  const { nav, session } = useDashboard()
  const state = useStore(session.$session)
  const project = useStore(session.$project)
  const place = useStore(nav.$place)
  if (state.status === 'loading') return <Loading />
  if (state.status === 'signed-out' || !project) return <SignIn expired={state.status === 'signed-out' && state.expired} />
  return (
    <Shell route={place?.route ?? null} projects={state.projects} project={project}>
      <Page place={place} />
    </Shell>
  )
}

/**
 * The dashboard: the language (the URL's `lang`, else the browser's), the page's direction, and
 * in-app links followed without a reload.
 */
export function App({ dashboard, languages }: { dashboard: Dashboard; languages: readonly string[] }) {
  const place = useStore(dashboard.nav.$place)
  const lang = pickLang([place?.search.get('lang') ?? '', ...languages].filter(Boolean))
  const locale = useMemo(() => createLocale(lang), [lang])
  useEffect(() => {
    const root = dashboard.doc.documentElement
    root.lang = locale.lang
    root.dir = locale.dir
    dashboard.doc.title = `${locale.t('appName')} · ${locale.t(place?.route === 'survey' ? 'surveys' : place?.route === 'tour' ? 'tours' : place?.route === 'checklist' ? 'checklists' : place?.route ?? 'overview')}`
  }, [locale, place?.route])
  useEffect(() => {
    const follow = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a')
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
      const url = new URL(link.href, dashboard.doc.baseURI)
      if (link.target || link.download || url.origin !== dashboard.doc.location.origin || !url.pathname.startsWith('/dashboard')) return
      if (url.hash && url.pathname === dashboard.doc.location.pathname) return
      event.preventDefault()
      dashboard.nav.go(url.pathname + url.search)
      dashboard.doc.getElementById('main')?.focus()
    }
    dashboard.doc.addEventListener('click', follow)
    return () => dashboard.doc.removeEventListener('click', follow)
  }, [])
  return (
    <DashboardContext.Provider value={dashboard}>
      <LocaleContext.Provider value={locale}>
        <Screens />
      </LocaleContext.Provider>
    </DashboardContext.Provider>
  )
}
