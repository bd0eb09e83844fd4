import type { Answer } from './events.ts'

/** What one user did with one flow, derived by the collector from stored events (epoch ms). */
export type FlowState = {
  shownAt?: number
  shownCount: number
  completedAt?: number
  dismissedAt?: number
  /** Last step index reached (tours, surveys). */
  step?: number
  /** When that step was reached, on whichever device: the newer step wins, and a recent one resumes a tour elsewhere. */
  stepAt?: number
  /** Answers of the latest submission, by question id (surveys). */
  answers?: Record<string, Answer>
  answeredAt?: number
  /** Id of the latest submission with answers (surveys): the next one is derived from it. */
  submissionId?: string
  /** When the user last chose "ask me later" (surveys): not asked again in that visit. */
  laterAt?: number
  /** Ticked items with the time they were ticked (checklists). */
  items?: Record<string, number>
  heldOutAt?: number
}

/** `GET /v1/users/:id/state` answer: the same on every device of the user. */
export type UserState = {
  userId: string
  firstSeen?: number
  lastSeen?: number
  flows: Record<string, FlowState>
  milestones: Record<string, number>
  /** Counts of tracked events by name, for audience rules evaluated on another device. */
  events: Record<string, number>
}
