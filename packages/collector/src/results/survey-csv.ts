import type { Answer } from '@cairn/protocol'
import type { Storage } from '../storage/storage.ts'
import { queryScoped } from './audience-sql.ts'
import type { Scope } from './audience.ts'
import { csvLine } from './csv.ts'
import { SURVEY_ROWS } from './survey-sql.ts'
import type { Asked } from './survey-stats.ts'

/** Submissions read per query while the file streams out. */
const BATCH = 500

/** An answer as a cell: numbers and text as they are, choices joined with `; `, nothing for skipped. */
export function answerCell(answer: Answer | undefined): string {
  if (answer === null || answer === undefined) return ''
  return Array.isArray(answer) ? answer.join('; ') : String(answer)
}

/** One submission as the export reads it. */
type Row = {
  submissionId: string
  started: number
  completed: boolean
  userId: string
  anonymousId: string
  answers: Record<string, { a: Answer; o: string | null }>
}

/** The header: the submission's columns, then one per question (and its "Other" text where it has one). */
function header(questions: readonly Asked[]): string[] {
  return ['submission_id', 'started_at', 'completed', 'user_id', 'anonymous_id', ...questions.flatMap((q) => ('other' in q && q.other ? [q.id, `${q.id}_other`] : [q.id]))]
}

function line(row: Row, questions: readonly Asked[]): string {
  const own = (id: string) => (Object.hasOwn(row.answers, id) ? row.answers[id] : undefined)
  const cells = questions.flatMap((q) => {
    const answer = own(q.id)
    return 'other' in q && q.other ? [answerCell(answer?.a), answer?.o ?? ''] : [answerCell(answer?.a)]
  })
  return csvLine([row.submissionId, new Date(row.started).toISOString(), String(row.completed), row.userId, row.anonymousId, ...cells])
}

/**
 * The survey's submissions in the period (by people of the audience) as CSV, one row per submission in the order they started,
 * read from the database a batch at a time as the client takes the stream. Starts with a UTF-8 byte
 * order mark, which spreadsheet programs need to read Persian or Arabic answers right.
 */
export function surveyCsv(storage: Storage, projectId: string, flowId: string, questions: readonly Asked[], scope: Scope, log: (line: string) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let after = { at: -1, sub: '' }
  let started = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true
          controller.enqueue(encoder.encode(`\uFEFF${csvLine(header(questions))}`))
          return
        }
        const rows = await queryScoped<Row>(storage, scope.audience, SURVEY_ROWS, [projectId, flowId, scope.from, scope.to, after.at, after.sub, BATCH])
        if (rows.length) controller.enqueue(encoder.encode(rows.map((row) => line(row, questions)).join('')))
        const last = rows.at(-1)
        if (!last || rows.length < BATCH) controller.close()
        else after = { at: last.started, sub: last.submissionId }
      } catch (error) {
        log(`Cairn collector: CSV export failed midway (${(error as Error).message})`)
        controller.error(error)
      }
    },
  })
}
