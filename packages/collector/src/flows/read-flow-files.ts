import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FlowFile } from '../check/check-flows.ts'

/** The `.json` files of a flows folder (named by `name(file)`), and the names of those that could not be read. */
export type FlowFolder = { files: FlowFile[]; unreadable: string[] }

/**
 * Reads every `.json` file directly in `dir` (not in subfolders), as the collector serves them.
 * @throws the fs error when the folder itself can't be read.
 */
export async function readFlowFiles(dir: string, name: (file: string) => string = (file) => file): Promise<FlowFolder> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => entry.name)
  const folder: FlowFolder = { files: [], unreadable: [] }
  for (const file of names) {
    const text = await readFile(join(dir, file), 'utf8').catch(() => null)
    if (text === null) folder.unreadable.push(name(file))
    else folder.files.push({ file: name(file), text })
  }
  return folder
}
