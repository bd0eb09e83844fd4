import type { Scoped } from './audience-sql.ts'
import { at, ms } from './milestones-sql.ts'
import { personOf } from './person-sql.ts'

/**
 * Submissions of survey $2 of project $1 that started (first answer) in [$3, $4) by people in the
 * audience: a CTE body. A submission is one sitting, whatever device or tab its answers came from.
 */
const SUBMISSIONS: Scoped = (inAudience) => `
  SELECT submission_id, min(answered_at) AS started, bool_or(final) AS completed,
    max(user_id) AS user_id, min(anonymous_id) AS anonymous_id
  FROM survey_responses WHERE project_id = $1 AND flow_id = $2
  GROUP BY submission_id
  HAVING min(answered_at) >= ${at('$3')} AND min(answered_at) < ${at('$4')}
    AND ${inAudience('cairn_person($1, min(anonymous_id), max(user_id))')}`

/** The answers of those submissions (`r`, with `s` their submission). */
const FROM = 'survey_responses r JOIN subs s USING (submission_id)'
const WHERE = 'r.project_id = $1 AND r.flow_id = $2'

/**
 * Every question answered in survey $2 of project $1, ever, with the type and scale its latest typed
 * answer came with (null: none did), in the order readers first answered them: the questions of a
 * survey the collector has no definition of.
 */
export const SURVEY_QUESTION_IDS = `
SELECT question_id AS q,
  (array_agg(question_type ORDER BY answered_at DESC) FILTER (WHERE question_type IS NOT NULL))[1] AS type,
  (array_agg(scale ORDER BY answered_at DESC) FILTER (WHERE question_type IS NOT NULL))[1] AS scale
FROM survey_responses WHERE project_id = $1 AND flow_id = $2
GROUP BY question_id ORDER BY min(answered_at), question_id`

/** How many submissions started in the period, and how many reached the end. */
export const SURVEY_SUMMARY: Scoped = (inAudience) => `
WITH subs AS (${SUBMISSIONS(inAudience)})
SELECT count(*)::int AS responses, count(*) FILTER (WHERE completed)::int AS completed FROM subs`

/** People of the audience shown the survey in the period, who dismissed it, who asked to be asked later. */
export const SURVEY_REACH: Scoped = (inAudience) => `
WITH e AS (
  SELECT ${personOf('e')} AS person, e.type, e.data->>'reason' AS reason
  FROM events e
  WHERE e.project_id = $1 AND e.flow_id = $2 AND e.type IN ('flow_shown', 'flow_dismissed')
    AND e.ts >= ${at('$3')} AND e.ts < ${at('$4')}
)
SELECT count(DISTINCT person) FILTER (WHERE type = 'flow_shown')::int AS shown,
  count(DISTINCT person) FILTER (WHERE type = 'flow_dismissed' AND reason IS DISTINCT FROM 'later')::int AS dismissed,
  count(DISTINCT person) FILTER (WHERE type = 'flow_dismissed' AND reason = 'later')::int AS "askedLater"
FROM e WHERE ${inAudience('person')}`

/** Per question: answers given (not skipped) and answers with an "Other" text. */
export const SURVEY_ANSWERED: Scoped = (inAudience) => `
WITH subs AS (${SUBMISSIONS(inAudience)})
SELECT r.question_id AS q, count(*) FILTER (WHERE r.answer <> 'null'::jsonb AND r.answer <> '[]'::jsonb)::int AS answered,
  count(r.other)::int AS other
FROM ${FROM} WHERE ${WHERE} GROUP BY r.question_id`

/** Scalar answers (numbers, choice ids) of questions $5 with how many gave each. */
export const SURVEY_VALUES: Scoped = (inAudience) => `
WITH subs AS (${SUBMISSIONS(inAudience)})
SELECT r.question_id AS q, r.answer AS v, count(*)::int AS n
FROM ${FROM} WHERE ${WHERE} AND r.question_id = ANY($5::text[]) AND jsonb_typeof(r.answer) IN ('number', 'string')
GROUP BY r.question_id, r.answer`

/** Choices inside multiple-choice answers of questions $5 with how many chose each. */
export const SURVEY_ELEMENTS: Scoped = (inAudience) => `
WITH subs AS (${SUBMISSIONS(inAudience)})
SELECT r.question_id AS q, e.v, count(*)::int AS n
FROM ${FROM} CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(r.answer) = 'array' THEN r.answer ELSE '[]' END) AS e(v)
WHERE ${WHERE} AND r.question_id = ANY($5::text[])
GROUP BY r.question_id, e.v`

/** Scores of NPS question $5 by the UTC week (its Monday, epoch ms) each submission started in. */
export const SURVEY_NPS_WEEKS: Scoped = (inAudience) => `
WITH subs AS (${SUBMISSIONS(inAudience)})
SELECT extract(epoch from date_trunc('week', s.started AT TIME ZONE 'UTC'))::float8 * 1000 AS week, r.answer AS v, count(*)::int AS n
FROM ${FROM} WHERE ${WHERE} AND r.question_id = $5 AND jsonb_typeof(r.answer) = 'number'
GROUP BY 1, r.answer`

/**
 * A page of free text of question $5 — its text answers, or with $6 true the "Other" texts of a
 * choice question — newest first, after the cursor ($7 epoch ms, $8 submission id), at most $9.
 */
export const SURVEY_TEXTS: Scoped = (inAudience) => `
WITH subs AS (${SUBMISSIONS(inAudience)})
SELECT r.submission_id AS "submissionId", CASE WHEN $6::boolean THEN r.other ELSE r.answer #>> '{}' END AS text, ${ms('r.answered_at')} AS "at"
FROM ${FROM} WHERE ${WHERE} AND r.question_id = $5
  AND (CASE WHEN $6::boolean THEN r.other IS NOT NULL ELSE jsonb_typeof(r.answer) = 'string' END)
  AND (r.answered_at, r.submission_id) < (${at('$7')}, $8::text)
ORDER BY r.answered_at DESC, r.submission_id DESC
LIMIT $9`

/**
 * Up to $7 submissions after the cursor ($5 epoch ms, $6 submission id) in start order, each with its
 * answers by question (`{ a: answer, o: other }`): the CSV export, page by page.
 */
export const SURVEY_ROWS: Scoped = (inAudience) => `
WITH subs AS (${SUBMISSIONS(inAudience)}), page AS (
  SELECT * FROM subs WHERE (started, submission_id) > (${at('$5')}, $6::text) ORDER BY started, submission_id LIMIT $7
)
SELECT p.submission_id AS "submissionId", ${ms('p.started')} AS started, p.completed, p.user_id AS "userId",
  p.anonymous_id AS "anonymousId", jsonb_object_agg(r.question_id, jsonb_build_object('a', r.answer, 'o', r.other)) AS answers
FROM page p JOIN survey_responses r ON r.project_id = $1 AND r.flow_id = $2 AND r.submission_id = p.submission_id
GROUP BY p.submission_id, p.started, p.completed, p.user_id, p.anonymous_id
ORDER BY p.started, p.submission_id`
