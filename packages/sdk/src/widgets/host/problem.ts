/**
 * A widget check's problem (`$.steps[2].title: must be text`, see `WidgetModule.check`) as the
 * `props` of its `flow_error`: the JSON path and the reason. Anything else says nothing.
 * @example problemProps('$.steps: must be a non-empty list') // { path: '$.steps', message: 'must be a non-empty list' }
 */
export function problemProps(problem: unknown): { path: string; message: string } | undefined {
  const [, path, message] = /^(\$\S*): (.+)$/s.exec(String(problem)) ?? []
  return path && message ? { path, message } : undefined
}
