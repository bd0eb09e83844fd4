import type { Activation, ChecklistResults, FlowFunnel, FlowList, HoldoutResults, MilestoneResults, Overview, Retention, SurveyResults } from '../../packages/dashboard/src/api/types.ts'

/** Answers of the shapes in the results API (README "HTTP API"; the retention endpoints as agreed in COORD). */
export const retention: Retention = {
  period: 'week', tz: 'UTC', mode: 'on', activeEvents: null,
  periods: [
    { start: '2026-11-16', S: 100, E: 110, N: 20, new: 15, resurrected: 5, L: 10, crr: 0.9, churn: 0.1 },
    { start: '2026-11-23', S: 110, E: 120, N: 30, new: 22, resurrected: 8, L: 20, crr: 0.8182, churn: 0.1818 },
    { start: '2026-11-30', S: 120, E: 130, N: 30, new: 22, resurrected: 8, L: 20, crr: 0.8333, churn: 0.1667 },
  ],
  lifecycle: [
    { start: '2026-11-16', new: 15, returning: 90, resurrected: 5, dormant: -10 },
    { start: '2026-11-23', new: 22, returning: 90, resurrected: 8, dormant: -20 },
    { start: '2026-11-30', new: 22, returning: 100, resurrected: 8, dormant: -20 },
  ],
  cohorts: {
    rows: [
      { start: '2026-11-16', size: 40, cells: [{ k: 0, active: 40, share: 1, complete: true }, { k: 1, active: 22, share: 0.55, complete: true }, { k: 2, active: 18, share: 0.45, complete: false }] },
      { start: '2026-11-23', size: 30, cells: [{ k: 0, active: 30, share: 1, complete: true }, { k: 1, active: 12, share: 0.4, complete: false }] },
    ],
    average: [{ k: 0, share: 1, size: 70 }, { k: 1, share: 0.4857, size: 70 }, { k: 2, share: 0.45, size: 40 }],
  },
}

export const activation: Activation = {
  milestone: 'activated', week: 4, label: 'correlation',
  buckets: [
    { bucket: 'same_day', n: 50, retained: 30, share: 0.6, low: 0.46, high: 0.72 },
    { bucket: '1_3_days', n: 20, retained: 8, share: 0.4, low: 0.22, high: 0.61 },
    { bucket: '4_7_days', n: 10, retained: 3, share: 0.3, low: 0.11, high: 0.6 },
    { bucket: 'later_or_never', n: 40, retained: 6, share: 0.15, low: 0.07, high: 0.29 },
  ],
}

export const overview: Overview = {
  period: { kind: 'week', start: '2026-11-30', end: '2026-12-07' },
  active: { now: 130, previous: 120, change: 0.0833 },
  crr: 0.83, churn: 0.17, crrSeries: [{ start: '2026-11-16', crr: 0.9 }, { start: '2026-11-23', crr: 0.8182 }, { start: '2026-11-30', crr: 0.8333 }],
  nps: { flowId: 'nps-quarterly', score: 32, margin: 8.1, n: 140 },
  pmf: { flowId: 'pmf-survey', share: 0.42, low: 0.35, high: 0.49, n: 90 },
  milestones: [{ name: 'activated', newUsers: 22, reached: 15, share: 0.68 }],
  topFlows: [{ id: 'welcome-tour', kind: 'tour', reach: 300 }, { id: 'dark-mode', kind: 'announcement', reach: 120 }],
}

export const flowList: FlowList = {
  flows: [
    { id: 'getting-started', kind: 'checklist', name: 'Get started', holdout: 0 },
    { id: 'invite', kind: 'announcement', name: 'Invite your team', holdout: 0.3 },
    { id: 'nps', kind: 'survey', name: 'NPS', holdout: 0 },
    { id: 'welcome-tour', kind: 'tour', name: 'Welcome tour', holdout: 0 },
  ],
  milestones: ['activated'],
}

const nps = { score: 20, promoters: 5, passives: 2, detractors: 3, responses: 10, marginOfError: 50.2 }
export const survey: SurveyResults = {
  surveyId: 'nps', from: '2026-09-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z',
  shown: 14, dismissed: 2, askedLater: 1, responses: 10, completed: 8, completionRate: 0.8,
  nps, npsTrend: [{ week: '2026-11-23', ...nps, score: 10, marginOfError: 60 }, { week: '2026-11-30', ...nps }], pmf: null,
  questions: [
    { id: 'score', type: 'nps', prompt: 'Recommend?', responses: 10, nps, distribution: { 0: 1, 1: 0, 2: 0, 3: 1, 4: 0, 5: 0, 6: 1, 7: 1, 8: 1, 9: 2, 10: 3 } },
    { id: 'why', type: 'text', prompt: 'Why?', responses: 2, texts: { items: [{ submissionId: 's2', text: '<img src=x onerror=alert(1)>', at: 1796000000000 }, { submissionId: 's1', text: 'Fast', at: 1795000000000 }], next: 'cursor-2' } },
  ],
}

export const funnel: FlowFunnel = {
  flowId: 'welcome-tour', kind: 'tour', from: '', to: '', shown: 100, started: 80, completed: 40, completionRate: 0.4, dismissed: 15,
  timeToComplete: { n: 40, medianMs: 300_000, p75Ms: 600_000 },
  steps: [
    { index: 0, id: 'hello', title: 'Welcome', reached: 100, dropOff: 20, dismissed: 5, targetMissing: 0, missingTargets: [] },
    { index: 1, id: 'new', title: 'Start a board', reached: 80, dropOff: 10, dismissed: 10, targetMissing: 0, missingTargets: [] },
    { index: 2, id: 'card', title: 'Add a card', reached: 70, dropOff: 30, dismissed: 0, targetMissing: 25, missingTargets: [{ selector: '#add-card', people: 25 }] },
  ],
}

export const checklist: ChecklistResults = {
  checklistId: 'getting-started', shown: 50,
  items: [{ id: 'board', title: 'Create a board', completed: 40, rate: 0.8 }, { id: 'cards', title: 'Add three cards', completed: 25, rate: 0.5 }],
  completed: 20, completionRate: 0.4, timeToComplete: { n: 20, medianMs: 7_200_000, p75Ms: 86_400_000 },
  stalls: [{ id: 'board', title: 'Create a board', users: 10, share: 0.2 }, { id: 'cards', title: 'Add three cards', users: 20, share: 0.4 }],
}

export const milestones: MilestoneResults = {
  from: '', to: '', newUsers: 50,
  milestones: [{ name: 'activated', declared: true, reached: 41, newUsersReached: 35, share: 0.7, timeToReach: { n: 35, medianMs: 5_400_000, p75Ms: 86_400_000 },
    weekly: [{ week: '2026-11-23', newUsers: 20, reached: 15, share: 0.75, medianMs: 4_200_000, p75Ms: 9_000_000 }, { week: '2026-11-30', newUsers: 30, reached: 20, share: 0.6667, medianMs: null, p75Ms: null }] }],
}

export const holdout: HoldoutResults = {
  flowId: 'invite', holdout: 0.3, from: '', to: '',
  milestones: [
    { name: 'activated', shown: { users: 30, reached: 18, rate: 0.6 }, heldOut: { users: 18, reached: 7, rate: 0.3889 }, difference: 0.2111, ci95: [-0.07, 0.45] },
    { name: 'invited', shown: { users: 300, reached: 150, rate: 0.5 }, heldOut: { users: 120, reached: 30, rate: 0.25 }, difference: 0.25, ci95: [0.15, 0.34] },
  ],
}
