import type { AppContext } from '../../app-context.ts'
import { milestoneResults } from '../../results/milestones.ts'
import { resultsRoute } from './results-route.ts'

/**
 * `GET /v1/results/milestones?from&to` (secret key): per milestone, people who reached it, the share
 * of new users who did, time from first seen (median, p75) and weekly cohorts. See docs/milestones.md.
 */
export const milestonesResultsRoute = (ctx: AppContext) =>
  resultsRoute(ctx, { notFound: 'no milestones', table: 'milestones' }, ({ project, flows, scope }) => milestoneResults(ctx.storage, project, flows, scope))
