#!/usr/bin/env node
// The collector is TypeScript run by tsx (no build step); register it, then start the CLI.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli.ts')
