import { join, relative } from 'node:path'
import { checkFlows } from '../check/check-flows.ts'
import type { Finding } from '../check/finding.ts'
import { CHECK_FORMATS, exitCode, formatFindings, type CheckFormat } from '../check/format-findings.ts'
import { readFlowFiles } from '../flows/read-flow-files.ts'
import { flowFolders, UsageError, type FolderOptions } from './flow-folders.ts'
import type { Io } from './io.ts'

export type CheckOptions = FolderOptions & { format?: string; strict?: boolean }

/**
 * `cairn check [flowsDir]`: every flow file checked as the collector checks it when it loads the
 * folder, printed in `--format`; the exit code is 1 for errors (or warnings with `--strict`), 2 when
 * nothing could be checked.
 */
export async function checkCommand(flowsDir: string | undefined, opts: CheckOptions, io: Io): Promise<number> {
  const format = (opts.format ?? 'text') as CheckFormat
  try {
    if (!CHECK_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${CHECK_FORMATS.join(', ')} (got "${opts.format}")`)
    const findings: Finding[] = []
    let files = 0
    for (const { dir, context } of await flowFolders(flowsDir, opts, io)) {
      if (!context.configured) io.err('cairn check: no cairn.config.json here (or --config): milestone names are not checked')
      const folder = await readFlowFiles(dir, (name) => relative(io.cwd, join(dir, name))).catch(() => {
        throw new UsageError(`the flows folder ${dir} does not exist or can't be read`)
      })
      const checked = checkFlows(folder.files, { ...context, now: io.now() })
      files += folder.files.length + folder.unreadable.length
      findings.push(...folder.unreadable.map((file): Finding => ({ file, line: 1, column: 1, path: '$', severity: 'error', message: 'could not read the file' })))
      findings.push(...checked.findings)
    }
    const report = formatFindings({ files, findings }, format)
    if (report) io.out(report)
    return exitCode(findings, opts.strict === true)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.err(`cairn check: ${error.message}`)
    return 2
  }
}
