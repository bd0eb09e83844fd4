import { useStore } from '@nanostores/preact'
import type { ComponentChildren } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Session } from '../api/types.ts'
import { NAV, section, type RouteName } from '../state/routes.ts'
import { useDashboard, useLocale } from './context.ts'
import { LangSwitch } from './LangSwitch.tsx'
import { SignIn } from './SignIn.tsx'

/** The frame around every page: brand, project switch, language, sign-out, and the page navigation. */
export function Shell({ route, projects, project, children }: { route: RouteName | null; projects: Session[]; project: Session; children: ComponentChildren }) {
  const l = useLocale()
  const { nav, session } = useDashboard()
  const [adding, setAdding] = useState(false)
  useStore(nav.$place)
  const current = route ? section(route) : null
  const bar = useRef<HTMLElement>(null)
  useEffect(() => {
    // On a phone the navigation is one row that scrolls sideways: keep the current page in sight.
    const link = bar.current?.querySelector('[aria-current="page"]')
    if (!bar.current || !link || bar.current.scrollWidth <= bar.current.clientWidth) return
    const edge = bar.current.getBoundingClientRect()
    const box = link.getBoundingClientRect()
    if (box.left < edge.left) bar.current.scrollLeft -= edge.left - box.left
    else if (box.right > edge.right) bar.current.scrollLeft += box.right - edge.right
  }, [current])
  return (
    <div class="shell">
      <a class="skip" href="#main">{l.t('skip')}</a>
      <header class="topbar">
        <a class="brand" href={nav.href('overview')}><img src={new URL('../favicon.svg', import.meta.url).href} alt="" width={28} height={28} /><span>{l.t('appName')}</span></a>
        <div class="topbar-tools">
          <label class="inline-field project-switch"><span>{l.t('project')}</span>
            <select value={adding ? '' : project.id} onChange={(e) => {
              const value = (e.currentTarget as HTMLSelectElement).value
              if (value === '') setAdding(true)
              else {
                setAdding(false)
                nav.setParam('project', value)
              }
            }}>
              {projects.map((p) => <option value={p.id}>{p.name}</option>)}
              <option value="">{l.t('addProject')}…</option>
            </select>
          </label>
          <LangSwitch />
          <button type="button" class="quiet" onClick={() => void session.signOut(project.id)}>{l.t('signOut')}</button>
        </div>
      </header>
      <nav ref={bar} class="sidenav" aria-label={l.t('navigation')}>
        <ul>
          {NAV.map((name) => (
            <li><a href={nav.href(name)} aria-current={name === current ? 'page' : undefined}><span class={`nav-icon icon-${name}`} aria-hidden="true" />{l.t(name)}</a></li>
          ))}
        </ul>
      </nav>
      <main id="main" class="content" tabIndex={-1}>
        {adding && <SignIn embedded onDone={() => setAdding(false)} />}
        {children}
      </main>
    </div>
  )
}
