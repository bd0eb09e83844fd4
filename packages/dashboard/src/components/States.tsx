import type { ComponentChildren } from 'preact'
import { ApiFailure } from '../api/client.ts'
import type { Resource } from '../state/resource.ts'
import { useLocale } from './context.ts'

export function Loading() {
  const l = useLocale()
  return (
    <div class="state loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />{l.t('loading')}
    </div>
  )
}

/** Says what to do when there is nothing to show. */
export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="state empty card"><span class="empty-mark" aria-hidden="true">◌</span><p>{children}</p></div>
}

export function Failed({ error }: { error: Error }) {
  const l = useLocale()
  return <div class="state failed card" role="alert"><p>{l.t('loadFailed', { details: error.message })}</p></div>
}

/** Loading, failed, or the data; a 404 is the `empty` state when given (a flow with no data yet). */
export function Loaded<T>({ resource, children, empty }: { resource: Resource<T>; children: (data: T) => ComponentChildren; empty?: string }) {
  if (resource.state === 'loading') return <Loading />
  if (resource.state === 'error') {
    if (empty && resource.error instanceof ApiFailure && resource.error.status === 404) return <Empty>{empty}</Empty>
    return <Failed error={resource.error} />
  }
  return <>{children(resource.data)}</>
}
