/**
 * One thing `cairn check` (and the collector, loading a flows folder) found in a flow file: where
 * (file, 1-based line and column, JSON path), what, and the closest valid value when there is one.
 * An `error` keeps the flow from being served; a `warning` is served but probably not what was meant.
 */
export type Finding = {
  file: string
  line: number
  column: number
  path: string
  severity: 'error' | 'warning'
  message: string
  suggestion?: string
}
