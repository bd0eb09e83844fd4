import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

export const ROOT = resolve(import.meta.dirname, '../..')
export const PACKAGES = ['protocol', 'sdk', 'collector'] as const
const run = promisify(execFile)

/** The repository's own version of a dev tool, so the fresh project installs it from the npm cache. */
const repoVersion = (name: string) => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version

/**
 * The environment of an npm or node run inside the fresh project: none of this repository's
 * settings (the `@cairn/source` condition, a database) leak into what a new user would run.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const name of ['NODE_OPTIONS', 'DATABASE_URL', 'INIT_CWD']) delete env[name]
  for (const name of Object.keys(env)) if (name.startsWith('npm_')) delete env[name]
  return env
}

/** Runs a command in `cwd` with {@link cleanEnv}; rejects with its output when it fails. */
export async function sh(cwd: string, command: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(command, args, { cwd, env: cleanEnv(), maxBuffer: 64 * 1024 * 1024 })
    return stdout
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}\n${stderr ?? ''}`)
  }
}

/**
 * A project made outside the repository with the three packed tarballs installed: `dir` is the app
 * (test/install/app), `server` a folder with a collector config (test/install/server).
 */
export type InstalledProject = { dir: string; server: string; tarballs: Record<(typeof PACKAGES)[number], string>; remove(): void }

/**
 * Packs `@cairn/protocol`, `@cairn/sdk` and `@cairn/collector` with `npm pack`, makes a project in a
 * temporary folder with `test/install/app` and `test/install/server` in it, and installs the tarballs there with npm — real
 * copies, no workspace links; their third-party dependencies (and vite, typescript) come from the
 * npm cache that installing this repository filled.
 */
export async function installedProject(): Promise<InstalledProject> {
  for (const name of PACKAGES) {
    if (!existsSync(join(ROOT, 'packages', name, 'dist'))) throw new Error(`packages/${name} is not built: run \`npm run build\` first`)
  }
  const dir = mkdtempSync(join(tmpdir(), 'cairn-install-'))
  const packed = join(dir, 'tarballs')
  mkdirSync(packed)
  const tarballs = {} as InstalledProject['tarballs']
  for (const name of PACKAGES) {
    const out = await sh(join(ROOT, 'packages', name), 'npm', ['pack', '--json', '--pack-destination', packed])
    tarballs[name] = join(packed, (JSON.parse(out) as { filename: string }[])[0]!.filename)
  }
  const app = join(dir, 'app')
  cpSync(join(ROOT, 'test/install/app'), app, { recursive: true })
  cpSync(join(ROOT, 'test/install/server'), join(dir, 'server'), { recursive: true })
  writeFileSync(join(app, 'package.json'), JSON.stringify({
    name: 'cairn-install-check',
    private: true,
    type: 'module',
    dependencies: Object.fromEntries(PACKAGES.map((name) => [`@cairn/${name}`, `file:${tarballs[name]}`])),
    devDependencies: { vite: repoVersion('vite'), typescript: repoVersion('typescript'), '@types/node': repoVersion('@types/node') },
  }, null, 2))
  await sh(app, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock'])
  return { dir: app, server: join(dir, 'server'), tarballs, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
