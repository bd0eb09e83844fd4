import type { Storage } from '../storage/storage.ts'
import { queryScoped } from './audience-sql.ts'
import type { Scope } from './audience.ts'
import { SURVEY_TEXTS } from './survey-sql.ts'
import type { TextPage } from './survey-stats.ts'

/** Text answers per page unless `limit` says otherwise, and the most a page holds. */
export const TEXT_PAGE = 20
export const MAX_TEXT_PAGE = 100

/** Where a page starts: after the answer given at `at` (epoch ms) in submission `sub`. */
type Cursor = { at: number; sub: string }

/** The opaque cursor of the page after `item`. */
const encode = (c: Cursor) => Buffer.from(JSON.stringify([c.at, c.sub])).toString('base64url')

/** The cursor a client sent back, or undefined when it is not one of ours. */
export function decodeCursor(text: string): Cursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
    if (Array.isArray(value) && Number.isFinite(value[0]) && typeof value[1] === 'string') return { at: value[0] as number, sub: value[1] }
  } catch {
    // Not base64url JSON: answered as a bad request by the caller.
  }
  return undefined
}

/**
 * One page of free text for question `questionId` of survey `flowId` — its answers, or with `other`
 * the "Other" texts of a choice question — newest first, starting after `cursor`.
 */
export async function textPage(
  storage: Storage, projectId: string, flowId: string, scope: Scope,
  page: { questionId: string; other: boolean; cursor?: Cursor | undefined; limit: number },
): Promise<TextPage> {
  const after = page.cursor ?? { at: 8.64e15, sub: '' }
  const rows = await queryScoped<TextPage['items'][number]>(storage, scope.audience, SURVEY_TEXTS, [
    projectId, flowId, scope.from, scope.to, page.questionId, page.other, after.at, after.sub, page.limit + 1,
  ])
  const items = rows.slice(0, page.limit)
  const last = items.at(-1)
  return { items, next: rows.length > page.limit && last ? encode({ at: last.at, sub: last.submissionId }) : null }
}
