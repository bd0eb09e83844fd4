#!/usr/bin/env node
// The collector is TypeScript run by tsx (no build step); register it, then run the CLI.
import { register } from 'tsx/esm/api'

register()
const { cairn } = await import('../src/cli/cairn.ts')
const { processIo } = await import('../src/cli/io.ts')
process.exitCode = await cairn(process.argv.slice(2), processIo)
