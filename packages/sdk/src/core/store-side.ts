import type { FlowEnvelope } from '@cairn/protocol'
import type { FlowControls, FlowEngine, WidgetHandle } from '../engine/deps.ts'
import { at } from '../stores/record.ts'
import type { atom } from 'nanostores'
import { storeHubFactory } from '../stores/hub.ts'
import type { EngineHost } from './engine.ts'
import { headlessFlows } from './headless.ts'
import { report } from './report.ts'
import { storeViews } from './store-views.ts'

/** What the engine adapter gets from this chunk: rendering headless flows, and the app's reports. */
export type StoreSide = {
  render(flow: FlowEnvelope, controls: FlowControls): Promise<WidgetHandle>
  report(method: string, args: unknown[]): void
}

/**
 * The engine's side of `sdk.stores` and of headless flows, loaded with the engine only on a page
 * that uses them (`init({ headless })`, a headless flow, `sdk.stores` read or `on('stores')`): it
 * attaches the engine's views to the client's stores (making them, on the script tag) and takes the
 * app's reports about the flows it draws. `make` is the engine's nanostores `atom` (see `storeHubFactory`).
 */
export function storeSide(host: EngineHost, engine: FlowEngine, owns: (flow: FlowEnvelope) => boolean, make: typeof atom): StoreSide {
  const hub = host.stores(storeHubFactory(make))!
  const headless = headlessFlows(owns, (id) => at(engine.view().showing, id) !== undefined, () => hub.refresh())
  const invalid = (method: string, why: string) => host.fail('invalid_call', `${method}(): ${why}`)
  hub.attach(storeViews(engine.view, headless))
  return {
    render: headless.render,
    report: (method, args) =>
      method.endsWith('.set') ? invalid(method, 'the stores are read-only') : report({ view: engine.view, headless, invalid, readFeed: engine.readFeed }, method, args),
  }
}
