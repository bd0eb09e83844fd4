import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PACKAGES, ROOT, sh } from './project.ts'

type Packed = { name: string; version: string; size: number; unpackedSize: number; entryCount: number; files: { path: string }[] }
type Manifest = { name: string; version: string; private?: boolean; license?: string; dependencies?: Record<string, string>; bin?: Record<string, string> }

/** What `npm pack` would put in each tarball, without writing it. */
async function packed(name: string): Promise<Packed> {
  return (JSON.parse(await sh(join(ROOT, 'packages', name), 'npm', ['pack', '--dry-run', '--json'])) as Packed[])[0]!
}
const manifest = (name: string) => JSON.parse(readFileSync(join(ROOT, 'packages', name, 'package.json'), 'utf8')) as Manifest

/** Ceilings on each tarball (gzip bytes as npm reports them), just above today's size (docs/packaging.md). */
const MAX_TARBALL = { protocol: 45_000, sdk: 205_000, collector: 210_000 }

/** Files each package needs at run time; nothing else is allowed in. */
const SHAPE: Record<(typeof PACKAGES)[number], { needs: string[]; only: RegExp }> = {
  protocol: { needs: ['dist/index.js', 'dist/index.d.ts', 'schema/flow.json'], only: /^(dist\/.+\.(js|d\.ts)|schema\/[a-z-]+\.json)$/ },
  sdk: {
    needs: ['dist/esm/index.js', 'dist/types/index.d.ts', 'dist/cairn.js', 'dist/snippet.js', 'dist/survey.js', 'dist/engine.js'],
    only: /^dist\/([a-z-]+\.js|esm\/[a-z-]+\.js|types\/.+\.d\.ts)$/,
  },
  collector: {
    needs: ['bin/cairn-collector.js', 'bin/cairn.js', 'dist/cli.js', 'dist/index.d.ts', 'migrations/001_init.sql', 'dashboard/index.html', 'demo-flows/nps-survey.json'],
    only: /^(bin\/[a-z-]+\.js|dist\/.+\.(js|d\.ts)|migrations\/\d{3}_[a-z_]+\.sql|dashboard\/(index\.html|assets\/[\w.-]+)|demo-flows\/[a-z-]+\.json)$/,
  },
}

describe('what `npm pack` puts in each published package', () => {
  for (const name of PACKAGES) {
    it(`@cairn/${name}: what it needs at run time, its README and licence, no sources, tests or fixtures`, async () => {
      const tarball = await packed(name)
      const files = tarball.files.map((f) => f.path)
      for (const needed of ['package.json', 'README.md', 'LICENSE', ...SHAPE[name].needs]) expect(files, needed).toContain(needed)
      const others = files.filter((f) => !['package.json', 'README.md', 'LICENSE'].includes(f))
      expect(others.filter((f) => !SHAPE[name].only.test(f))).toEqual([])
      expect(tarball.size).toBeLessThan(MAX_TARBALL[name])
    })
  }

  it('are public, MIT, and versioned in step (the SDK and the collector ask for exactly that protocol)', () => {
    const manifests = PACKAGES.map(manifest)
    const version = manifests[0]!.version
    for (const m of manifests) {
      expect(m.private, m.name).toBeUndefined()
      expect(m.license, m.name).toBe('MIT')
      expect(m.version, m.name).toBe(version)
    }
    expect(manifest('sdk').dependencies?.['@cairn/protocol']).toBe(version)
    expect(manifest('collector').dependencies?.['@cairn/protocol']).toBe(version)
  })

  it('the SDK depends on exactly preact, nanostores, @floating-ui/dom and @cairn/protocol; the collector needs no tsx', () => {
    expect(Object.keys(manifest('sdk').dependencies ?? {}).sort()).toEqual(['@cairn/protocol', '@floating-ui/dom', 'nanostores', 'preact'])
    expect(manifest('collector').dependencies).not.toHaveProperty('tsx')
    expect(manifest('collector').bin).toEqual({ 'cairn-collector': './bin/cairn-collector.js', cairn: './bin/cairn.js' })
  })
})
