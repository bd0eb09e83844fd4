import type { InitOptions } from '../core/types.ts'

/**
 * `init` options from the script tag's data attributes: `data-key`, `data-endpoint`, `data-locale`,
 * `data-content-locale`, `data-nonce`, `data-debug` (present or `"true"`), `data-respect-gpc="false"`,
 * `data-feed` (the what's-new feed's floating launcher) or `data-feed="#whats-new"` (your element opens it).
 * @example <script async src="/cairn.js" data-key="pk_demo" data-endpoint="https://c.example"></script>
 */
export function scriptOptions(script: HTMLScriptElement | null): Partial<InitOptions> {
  const data = script?.dataset ?? {}
  const options: Partial<Record<keyof InitOptions, unknown>> = {}
  for (const name of ['key', 'endpoint', 'locale', 'contentLocale', 'nonce'] as const) if (data[name]) options[name] = data[name]
  if (data.debug !== undefined && data.debug !== 'false') options.debug = true
  if (data.respectGpc === 'false') options.respectGpc = false
  if (data.feed !== undefined) options.feed = data.feed ? { selector: data.feed } : true
  return options as Partial<InitOptions>
}
