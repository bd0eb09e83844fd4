/** Who tracks in the chaos run: three tabs of one user and one tab of another. */
export const TABS = [{ user: 'chaos-a' }, { user: 'chaos-a' }, { user: 'chaos-a' }, { user: 'chaos-b' }] as const
export const USERS = ['chaos-a', 'chaos-b'] as const

/** Events the whole run tracks, identifies, flow events and survey answers included. */
export const TOTAL = 10_000
export const ROUNDS = 20
/** Per round a headless tour (flow_shown, two flow_step, flow_completed)… */
export const TOUR_EVENTS = 4
/** …and a headless two-question survey (flow_shown, then an answer and a flow_step per question, flow_completed). */
export const SURVEY_EVENTS = 6
export const TRACK_NAME = 'chaos_step'

/** What one tab does in one round. */
export type Round = { tab: number; round: number; tracks: number; tourId: string; surveyId: string; score: number }

/** Each user identifies once, in the first of their tabs; the other tabs start already identified. */
const identifies = USERS.length

/**
 * The rounds of every tab, with the tracks shared out so that the run adds up to exactly {@link TOTAL}.
 * The NPS score of each survey is fixed by its tab and round, so results can be predicted.
 */
export function chaosPlan(): Round[][] {
  const rounds = TABS.length * ROUNDS
  const tracks = TOTAL - identifies - rounds * (TOUR_EVENTS + SURVEY_EVENTS)
  return TABS.map((_, tab) => Array.from({ length: ROUNDS }, (_, round) => {
    const index = tab * ROUNDS + round
    return {
      tab, round,
      tracks: Math.floor(tracks / rounds) + (index < tracks % rounds ? 1 : 0),
      tourId: `chaos-tour-${tab}`,
      surveyId: `chaos-nps-${tab}-${round}`,
      score: (tab * 3 + round * 7) % 11,
    }
  }))
}
