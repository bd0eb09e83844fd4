// The what's-new part of the announcement chunk, loaded only for the feed or a digest (`whats-new.js`):
// a page that shows a banner or a hotspot does not pay for it.
export { LiveFeed } from './live-feed.tsx'
export { Digest } from './digest.tsx'
