/**
 * The flow id the SDK's what's-new feed records its openings under (an announcement of its own,
 * built into the SDK): reserved, so neither the SDK nor the collector accepts a flow that uses it.
 * Its own module, free of schemas, so that importing it costs the SDK's core nothing more.
 */
export const FEED_FLOW_ID = 'cairn-feed'
