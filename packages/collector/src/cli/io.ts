/** What a CLI command may touch of the world: where it runs, where it prints, what time it is. */
export type Io = { cwd: string; out(text: string): void; err(text: string): void; now(): number }

/** The real process. */
export const processIo: Io = {
  cwd: process.cwd(),
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  now: () => Date.now(),
}
