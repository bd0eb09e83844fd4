import type { Storage } from '../storage/storage.ts'
import { queryScoped, type Scoped } from './audience-sql.ts'
import type { Scope } from './audience.ts'
import { at } from './milestones-sql.ts'
import { personOf } from './person-sql.ts'

/** What an announcement adds to `GET /v1/results/flows/:id`: events and distinct people in the period. */
export type AnnouncementNumbers = {
  /** `flow_shown`: times it was on screen, and by how many people. */
  views: number
  viewers: number
  /** `flow_step` with `stepId: 'cta'`: the call to action followed, on the announcement or in the what's-new feed. */
  ctaClicks: number
  ctaPeople: number
  /** Of `ctaClicks`, those followed in the what's-new feed's panel (`props.via: 'feed'`). */
  ctaViaFeed: number
  /** `flow_dismissed` (× or Esc). */
  dismissals: number
  dismissedPeople: number
  /** `flow_step` with `stepId: 'open'`: a hotspot's beacon pressed. */
  opens: number
  /**
   * People who followed the call to action on the announcement itself, of the people who saw it (0
   * when nobody did). The feed's clicks are left out: a feed reader need not have seen it shown.
   */
  ctaRate: number
}

type Row = Omit<AnnouncementNumbers, 'ctaRate'> & { ownCtaPeople: number }

/** Counts of project $1's flow $2 events in [$3, $4) by the audience, per event and per person across devices. */
const NUMBERS: Scoped = (inAudience) => `
WITH e AS (
  SELECT e.type, e.data->>'stepId' AS step, e.data->'props'->>'via' AS via, ${personOf('e')} AS person
  FROM events e
  WHERE e.project_id = $1 AND e.flow_id = $2 AND e.ts >= ${at('$3')} AND e.ts < ${at('$4')}
    AND e.type IN ('flow_shown', 'flow_step', 'flow_dismissed')
)
SELECT count(*) FILTER (WHERE type = 'flow_shown')::int AS views,
  count(DISTINCT person) FILTER (WHERE type = 'flow_shown')::int AS viewers,
  count(*) FILTER (WHERE type = 'flow_step' AND step = 'cta')::int AS "ctaClicks",
  count(DISTINCT person) FILTER (WHERE type = 'flow_step' AND step = 'cta')::int AS "ctaPeople",
  count(*) FILTER (WHERE type = 'flow_step' AND step = 'cta' AND via = 'feed')::int AS "ctaViaFeed",
  count(DISTINCT person) FILTER (WHERE type = 'flow_step' AND step = 'cta' AND via IS DISTINCT FROM 'feed')::int AS "ownCtaPeople",
  count(*) FILTER (WHERE type = 'flow_dismissed')::int AS dismissals,
  count(DISTINCT person) FILTER (WHERE type = 'flow_dismissed')::int AS "dismissedPeople",
  count(*) FILTER (WHERE type = 'flow_step' AND step = 'open')::int AS opens
FROM e WHERE ${inAudience('person')}`

/**
 * An announcement's views, call-to-action clicks (also those in the what's-new feed), dismissals and
 * hotspot opens over a period: the `announcement` field of `GET /v1/results/flows/:id`.
 */
export async function announcementNumbers(storage: Storage, projectId: string, id: string, scope: Scope): Promise<AnnouncementNumbers> {
  const [row] = await queryScoped<Row>(storage, scope.audience, NUMBERS, [projectId, id, scope.from, scope.to])
  const { ownCtaPeople, ...n }: Row = row ?? { views: 0, viewers: 0, ctaClicks: 0, ctaPeople: 0, ctaViaFeed: 0, ownCtaPeople: 0, dismissals: 0, dismissedPeople: 0, opens: 0 }
  return { ...n, ctaRate: n.viewers ? ownCtaPeople / n.viewers : 0 }
}
