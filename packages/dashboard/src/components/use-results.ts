import { useStore } from '@nanostores/preact'
import { computed } from 'nanostores'
import { useMemo } from 'preact/hooks'
import { apiParams, type Filters } from '../state/filters.ts'
import { resource, type Resource } from '../state/resource.ts'
import { isSignedOut } from '../state/session.ts'
import { useDashboard } from './context.ts'

/**
 * A results endpoint for the shown project and the URL's filters, refetched when either changes.
 * `extra` adds parameters (`period`, `mode`) from the filters; `deps` are what else `extra` reads;
 * null `path` loads nothing. A 401 means the
 * session ended: the session store goes back to sign-in.
 */
export function useResults<T>(path: string | null, extra: (params: URLSearchParams, filters: Filters) => void = () => {}, deps: unknown[] = []): Resource<T> {
  const { api, nav, session } = useDashboard()
  const $data = useMemo(() => {
    const $key = computed([session.$project, nav.$filters], (project, filters) => {
      if (!project || path === null) return null
      const params = apiParams(filters)
      extra(params, filters)
      return { project: project.id, path, query: params.toString() }
    })
    return resource($key, async (key, signal) => {
      try {
        return await api.get<T>(key.project, key.path, new URLSearchParams(key.query), signal)
      } catch (error) {
        if (isSignedOut(error)) session.lost()
        throw error
      }
    })
  }, [path, ...deps])
  return useStore($data)
}
