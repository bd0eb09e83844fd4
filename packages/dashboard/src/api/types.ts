/**
 * The JSON the dashboard reads: the collector's results API (README "HTTP API", docs/retention.md).
 * Rates are fractions 0–1, or null when undefined; dates are ISO `YYYY-MM-DD` period starts.
 */

export type FlowKind = 'tour' | 'checklist' | 'survey' | 'announcement'
export type FlowList = { flows: { id: string; kind: FlowKind; name: string; holdout: number }[]; milestones: string[] }

export type Spread = { n: number; medianMs: number | null; p75Ms: number | null }

export type RetentionPeriod = {
  start: string; S: number; E: number; N: number; new: number; resurrected: number; L: number
  crr: number | null; churn: number | null
  revenue?: { start: number; lost: number; churn: number | null }
}
export type Retention = {
  period: 'week' | 'month'; tz: string; mode: 'on' | 'unbounded'; activeEvents: string[] | null
  periods: RetentionPeriod[]
  lifecycle: { start: string; new: number; returning: number; resurrected: number; dormant: number }[]
  cohorts: {
    rows: { start: string; size: number; cells: { k: number; active: number; share: number | null; complete: boolean }[] }[]
    average: { k: number; share: number | null; size: number }[]
  }
}

export type ActivationBucketName = 'same_day' | '1_3_days' | '4_7_days' | 'later_or_never'
export type Activation = {
  milestone: string; week: number; label: string
  buckets: { bucket: ActivationBucketName; n?: number; retained?: number; share?: number | null; low?: number | null; high?: number | null }[]
}

export type Overview = {
  period: { kind: 'week' | 'month'; start: string; end: string }
  active: { now: number; previous: number; change: number | null }
  crr: number | null; churn: number | null
  crrSeries: { start: string; crr: number | null }[]
  nps: { flowId: string; score: number | null; margin: number | null; n: number } | null
  pmf: { flowId: string; share: number | null; low: number | null; high: number | null; n: number } | null
  milestones: { name: string; newUsers: number; reached: number; share: number | null }[]
  topFlows: { id: string; kind: FlowKind; reach: number }[]
}

export type Nps = { score: number | null; promoters: number; passives: number; detractors: number; responses: number; marginOfError: number | null }
export type Pmf = { share: number | null; veryDisappointed: number; responses: number; meetsBar: boolean }
export type TextPage = { items: { submissionId: string; text: string; at: number }[]; next: string | null }
export type QuestionStats = {
  id: string; type: string; prompt: string | null; responses: number
  nps?: Nps; pmf?: Pmf; distribution?: Record<string, number>; counts?: Record<string, number>
  average?: number | null; satisfied?: number | null; other?: number; texts?: TextPage
}
export type SurveyResults = {
  surveyId: string; from: string; to: string
  shown: number; dismissed: number; askedLater: number; responses: number; completed: number; completionRate: number | null
  nps: Nps | null; npsTrend: (Nps & { week: string })[]; pmf: Pmf | null
  questions: QuestionStats[]
}
export type AnswerPage = TextPage & { surveyId: string; questionId: string }

export type FlowFunnel = {
  flowId: string; kind: string | null; from: string; to: string
  shown: number; started: number; completed: number; completionRate: number | null; dismissed: number
  timeToComplete: Spread
  steps: { index: number; id: string; title: string; reached: number; dropOff: number; dismissed: number; targetMissing: number; missingTargets: { selector: string | null; people: number }[] }[]
}

export type ChecklistResults = {
  checklistId: string; shown: number
  items: { id: string; title: string; completed: number; rate: number | null }[]
  completed: number; completionRate: number | null; timeToComplete: Spread
  stalls: { id: string; title: string; users: number; share: number | null }[]
}

export type MilestoneResults = {
  from: string; to: string; newUsers: number
  milestones: {
    name: string; declared: boolean; reached: number; newUsersReached: number; share: number | null; timeToReach: Spread
    weekly: { week: string; newUsers: number; reached: number; share: number | null; medianMs: number | null; p75Ms: number | null }[]
  }[]
}

export type HoldoutGroup = { users: number; reached: number; rate: number | null }
export type HoldoutResults = {
  flowId: string; holdout: number; from: string; to: string
  milestones: { name: string; shown: HoldoutGroup; heldOut: HoldoutGroup; difference: number | null; ci95: [number, number] | null }[]
}

export type Session = { id: string; name: string; expires: string }
export type ApiError = { error: string; details: string }
