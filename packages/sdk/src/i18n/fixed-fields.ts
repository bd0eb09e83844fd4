/** Identity, selectors, targeting and branching: a translation must not change what a flow does. */
export const FIXED = new Set([
  'id', 'kind', 'type', 'target', 'goto', 'event', 'tour', 'style', 'display', 'locale', 'locales', '$schema',
  'trigger', 'audience', 'frequency', 'completeOn', 'advanceOn', 'next',
])
