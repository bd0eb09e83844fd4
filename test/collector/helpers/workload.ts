import type { CairnEvent } from '@cairn/protocol'
import { event } from './events.ts'

/**
 * A day of a small product, as events: each user has two devices (anonymous ids), does things
 * anonymously first (including reaching a milestone), logs in on both (identify), then tracks, sees
 * a tour and a checklist (ticks), answers a two-question survey (re-answering one question later),
 * and reaches milestones again from the other device. `race` holds, per user, the anonymous milestone
 * and the identify that links it, to be sent to different collectors at the same moment.
 */
export function workload(users: number, start = Date.now() - 3_600_000) {
  const events: CairnEvent[] = []
  const race: [CairnEvent, CairnEvent][] = []
  for (let i = 0; i < users; i++) {
    let t = start + i * 1000
    const at = () => (t += 7)
    const userId = `u${i}`
    const [a1, a2] = [`u${i}-laptop`, `u${i}-phone`]
    const anonMilestone = event({ type: 'milestone', name: 'activated', anonymousId: a1, ts: at() })
    const link = event({ type: 'identify', userId, anonymousId: a1, traits: { plan: i % 2 ? 'pro' : 'free', seats: i }, ts: at() })
    race.push([anonMilestone, link])
    const as = (anonymousId: string) => ({ anonymousId, userId })
    events.push(
      event({ type: 'track', name: 'visited_pricing', anonymousId: a1, ts: at() }),
      event({ type: 'identify', userId, anonymousId: a2, traits: { plan: 'pro' }, ts: at() }),
      ...Array.from({ length: 6 }, (_, k) => event({ type: 'track', name: k % 2 ? 'card_moved' : 'board_created', ...as(k % 3 ? a1 : a2), ts: at() })),
      event({ type: 'flow_shown', flowId: 'welcome-tour', ...as(a1), ts: at() }),
      event({ type: 'flow_step', flowId: 'welcome-tour', stepIndex: 1, ...as(a1), ts: at() }),
      event({ type: 'flow_completed', flowId: 'welcome-tour', ...as(a1), ts: at() }),
      event({ type: 'flow_shown', flowId: 'welcome-tour', ...as(a2), ts: at() }),
      event({ type: 'flow_dismissed', flowId: 'welcome-tour', reason: 'dismissed', ...as(a2), ts: at() }),
      event({ type: 'flow_shown', flowId: 'getting-started', ...as(a1), ts: at() }),
      event({ type: 'flow_step', flowId: 'getting-started', stepIndex: 0, stepId: 'create-board', ...as(a1), ts: at() }),
      event({ type: 'flow_step', flowId: 'getting-started', stepIndex: 1, stepId: 'invite', ...as(a2), ts: at() }),
      event({ type: 'flow_step', flowId: 'getting-started', stepIndex: 0, stepId: 'create-board', ...as(a2), ts: at() }),
      event({ type: 'survey_answer', flowId: 'nps', submissionId: `s${i}`, questionId: 'score', answer: i % 11, ...as(a1), ts: at() }),
      event({ type: 'survey_answer', flowId: 'nps', submissionId: `s${i}`, questionId: 'why', answer: 'fast', final: true, ...as(a1), ts: at() }),
      event({ type: 'survey_answer', flowId: 'nps', submissionId: `s${i}`, questionId: 'score', answer: 10, ...as(a1), ts: at() }),
      event({ type: 'milestone', name: 'activated', ...as(a2), ts: at() }),
      event({ type: 'milestone', name: 'invited', ...as(a1), ts: at() }),
      event({ type: 'milestone', name: 'invited', ...as(a2), ts: at() }),
    )
  }
  return { events: [...race.flat(), ...events], race }
}

/** Cuts events into batches of 1 to `max` events, in a shuffled order. */
export function batches<T>(items: T[], max: number, random = Math.random): T[][] {
  const shuffled = [...items]
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T]
  }
  const out: T[][] = []
  for (let i = 0; i < shuffled.length;) {
    const size = 1 + Math.floor(random() * max)
    out.push(shuffled.slice(i, i + size))
    i += size
  }
  return out
}
