/** Wire limits shared by the SDK (which never builds a batch past them) and the collector (which enforces them). */
export const LIMITS = {
  /** Largest accepted request body, in bytes. */
  batchBytes: 512 * 1024,
  /** Most events in one batch. */
  batchEvents: 500,
  /** Largest single event, serialized, in bytes. */
  eventBytes: 32 * 1024,
  /** Longest event or milestone name. */
  name: 200,
  /** Longest id of any kind (user, anonymous, flow, step, question). */
  id: 128,
  /** Longest string anywhere inside props or traits. */
  string: 8 * 1024,
  /** Deepest nesting of objects/arrays inside props or traits. */
  depth: 6,
  /** Most keys in one props/traits object. */
  keys: 200,
} as const
