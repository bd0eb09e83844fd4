/** The little SQL surface the store needs; PGlite and node-postgres each implement it in one file. */
export type Sql = {
  /** One parameterized statement; rows as plain objects. */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>
  /** A script of several statements, no parameters (migrations). */
  exec(script: string): Promise<void>
}

/** A database the store can run transactions on. */
export type SqlDriver = Sql & {
  readonly kind: 'pglite' | 'postgres'
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>
  close(): Promise<void>
}
