import { cpSync, rmSync } from 'node:fs'

/**
 * Copies what the collector serves but does not own into its package, so that an installed
 * `@cairn/collector` finds it next to its own `dist/` (docs/packaging.md): the dashboard's build and
 * the demo project's flows, which a collector started without a config file serves.
 */
const root = new URL('../../../', import.meta.url)
const collector = new URL('packages/collector/', root)
for (const [from, to] of [['packages/dashboard/dist/', 'dashboard/'], ['demo/flows/', 'demo-flows/']] as const) {
  rmSync(new URL(to, collector), { recursive: true, force: true })
  cpSync(new URL(from, root), new URL(to, collector), { recursive: true })
}
