import { useState } from 'preact/hooks'
import { ApiFailure } from '../api/client.ts'
import { useDashboard, useLocale } from './context.ts'
import { LangSwitch } from './LangSwitch.tsx'

/**
 * The sign-in form: the secret key is posted once (never put in a URL) and the collector answers
 * with a session cookie. A wrong key says so, next to the field.
 */
export function SignIn({ expired, onDone, embedded }: { expired?: boolean; onDone?: () => void; embedded?: boolean }) {
  const l = useLocale()
  const { session, nav } = useDashboard()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async (event: Event) => {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const key = (form.elements.namedItem('key') as HTMLInputElement).value
    setBusy(true)
    setError(null)
    try {
      const project = await session.signIn(key)
      form.reset()
      nav.setParam('project', project.id, true)
      onDone?.()
    } catch (e) {
      const failure = e instanceof ApiFailure ? e : null
      setError(failure?.status === 401 || failure?.status === 400 ? l.t('wrongKey') : failure?.status === 429 ? l.t('rateLimited') : l.t('signInFailed', { details: (e as Error).message }))
      ;(form.elements.namedItem('key') as HTMLInputElement).focus()
    } finally {
      setBusy(false)
    }
  }
  const form = (
    <form class="signin-form" method="post" action="/dashboard/session" onSubmit={(event) => void submit(event)} noValidate>
      <label for="signin-key">{l.t('keyLabel')}</label>
      <input id="signin-key" name="key" type="password" autocomplete="current-password" spellcheck={false} required
        aria-describedby={error ? 'signin-error signin-hint' : 'signin-hint'} aria-invalid={error ? true : undefined} dir="ltr" />
      <p id="signin-hint" class="hint">{l.t('keyHint')}</p>
      {error && <p id="signin-error" class="error" role="alert">{error}</p>}
      <button type="submit" class="primary" disabled={busy}>{busy ? l.t('signingIn') : l.t('signIn')}</button>
    </form>
  )
  if (embedded) return <section class="card signin-embedded" aria-labelledby="signin-title"><h2 id="signin-title">{l.t('addProject')}</h2>{form}</section>
  return (
    <main class="signin" id="main">
      <div class="signin-card card">
        <div class="brand brand-large"><img src={new URL('../favicon.svg', import.meta.url).href} alt="" width={36} height={36} /><span>{l.t('appName')}</span></div>
        <h1>{l.t('signInTitle')}</h1>
        <p class="lead">{l.t('signInLead')}</p>
        {expired && <p class="notice" role="status">{l.t('expired')}</p>}
        {form}
        <div class="signin-foot"><LangSwitch /></div>
      </div>
    </main>
  )
}
