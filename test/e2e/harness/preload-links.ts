/**
 * The README's two preloads ("Preload the flows and the engine"): the flows answer and the engine chunk,
 * so that both come with `cairn.js`. `sdk`: where the page serves the SDK's files.
 */
export const preloadLinks = (endpoint: string, key: string, sdk = '/sdk') =>
  `<link rel="preload" href="${endpoint}/v1/flows?key=${key}" as="fetch" crossorigin><link rel="modulepreload" href="${sdk}/engine.js">`
