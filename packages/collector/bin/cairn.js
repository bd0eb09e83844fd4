#!/usr/bin/env node
const { cairn } = await import('../dist/cli/cairn.js')
const { processIo } = await import('../dist/cli/io.js')
process.exitCode = await cairn(process.argv.slice(2), processIo)
