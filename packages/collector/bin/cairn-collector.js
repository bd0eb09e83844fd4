#!/usr/bin/env node
// The compiled collector (`npm run build` in the repository; the published package ships dist/).
await import('../dist/cli.js')
