import { Hono } from 'hono'
import { appContext, type AppDeps } from './app-context.ts'
import { cors } from './http/cors.ts'
import { dashboardHeaders } from './dashboard/security-headers.ts'
import { fail } from './http/errors.ts'
import { batchRoute } from './routes/batch.ts'
import { flowRoute } from './routes/flow.ts'
import { flowsRoute } from './routes/flows.ts'
import { healthRoute } from './routes/health.ts'
import { schemaRoute } from './routes/schema.ts'
import { dashboardAssetRoute, dashboardPageRoute } from './routes/dashboard/static.ts'
import { sessionListRoute, signInRoute, signOutRoute } from './routes/dashboard/session.ts'
import { activationResultsRoute } from './routes/results/activation.ts'
import { overviewResultsRoute } from './routes/results/overview.ts'
import { eraseUserRoute, exportUserRoute } from './routes/users.ts'
import { checklistResultsRoute } from './routes/results/checklists.ts'
import { flowListRoute } from './routes/results/flow-list.ts'
import { flowResultsRoute } from './routes/results/flows.ts'
import { holdoutResultsRoute } from './routes/results/holdout.ts'
import { milestonesResultsRoute } from './routes/results/milestones.ts'
import { retentionResultsRoute } from './routes/results/retention.ts'
import { surveyAnswersRoute, surveyResultsRoute } from './routes/results/survey.ts'
import { surveyCsvRoute } from './routes/results/survey-csv.ts'
import { userStateRoute } from './routes/user-state.ts'

/**
 * The collector's HTTP API as a Hono app: a plain fetch handler with no I/O of its own (storage,
 * flows, clock and client IP come in `deps`). Serve it with `startCollector`, or call
 * `app.request()` in tests.
 * @example
 * const app = createApp({ config, storage, flows })
 * const res = await app.request('/v1/batch', { method: 'POST', body: JSON.stringify(batch) })
 */
export function createApp(deps: AppDeps): Hono {
  const ctx = appContext(deps)
  const app = new Hono()
  app.use('/v1/*', cors(deps.config.projects))
  app.post('/v1/batch', batchRoute(ctx))
  app.get('/v1/flows', flowsRoute(ctx))
  app.get('/v1/flows/:id', flowRoute(ctx))
  app.get('/v1/users/:id/state', userStateRoute(ctx))
  app.get('/v1/users/:id/export', exportUserRoute(ctx))
  app.delete('/v1/users/:id', eraseUserRoute(ctx))
  app.get('/health', healthRoute(ctx))
  app.get('/v1/schema/:file', schemaRoute())
  app.get('/v1/results/milestones', milestonesResultsRoute(ctx))
  app.get('/v1/results/checklists/:id', checklistResultsRoute(ctx))
  app.get('/v1/results/flows', flowListRoute(ctx))
  app.get('/v1/results/flows/:id', flowResultsRoute(ctx))
  app.get('/v1/results/holdout/:flowId', holdoutResultsRoute(ctx))
  app.get('/v1/results/retention', retentionResultsRoute(ctx))
  app.get('/v1/results/activation', activationResultsRoute(ctx))
  app.get('/v1/results/overview', overviewResultsRoute(ctx))
  // Before `:id`, which would take `nps.csv` for a survey id (flow ids may contain dots).
  app.get('/v1/results/surveys/:file{[^/]+\\.csv}', surveyCsvRoute(ctx))
  app.get('/v1/results/surveys/:id', surveyResultsRoute(ctx))
  app.get('/v1/results/surveys/:id/answers/:questionId', surveyAnswersRoute(ctx))
  app.use('/dashboard', dashboardHeaders())
  app.use('/dashboard/*', dashboardHeaders())
  app.get('/dashboard', (c) => c.redirect('/dashboard/', 301))
  app.post('/dashboard/session', signInRoute(ctx))
  app.get('/dashboard/session', sessionListRoute(ctx))
  app.post('/dashboard/session/sign-out', signOutRoute(ctx))
  app.get('/dashboard/assets/:file', dashboardAssetRoute(deps.dashboard))
  app.get('/dashboard/*', dashboardPageRoute(deps.dashboard))
  for (const path of ['/v1/batch', '/v1/flows', '/v1/flows/:id', '/v1/users/:id', '/v1/users/:id/state', '/v1/users/:id/export', '/health', '/v1/results/milestones', '/v1/results/flows', '/v1/results/checklists/:id', '/v1/results/flows/:id', '/v1/results/holdout/:flowId', '/v1/results/retention', '/v1/results/activation', '/v1/results/overview', '/v1/results/surveys/:id', '/v1/results/surveys/:id/answers/:questionId', '/dashboard/session', '/dashboard/session/sign-out']) {
    app.all(path, (c) => fail(c, 405, 'method_not_allowed', 'see the HTTP API in the README'))
  }
  app.notFound((c) => fail(c, 404, 'not_found', 'no such endpoint; see the HTTP API in the README'))
  app.onError((error, c) => {
    ctx.log(`Cairn collector: unexpected error: ${error.stack ?? error.message}`)
    return fail(c, 500, 'internal', 'the collector hit an unexpected error; it was logged')
  })
  return app
}
