import { toJsonSchema } from '@valibot/to-json-schema'
import * as v from 'valibot'
import type { GenericSchema } from 'valibot'
import { batchSchema } from './batch.ts'
import { eventSchema } from './events.ts'
import { LIMITS } from './limits.ts'
import { ruleSchema } from './flows/rule.ts'
import { flowSchema } from './flows/flow.ts'
import { tourSchema } from './flows/tour.ts'
import { checklistSchema } from './flows/checklist.ts'
import { surveySchema } from './flows/survey.ts'
import { announcementSchema } from './flows/announcement.ts'

/** The JSON Schema files committed under `schema/`, by file name. */
export function jsonSchemas(): Record<string, object> {
  // `input`: what a sender may write (times as epoch ms or ISO 8601 strings), not what it parses to.
  const convert = (title: string, schema: GenericSchema) => ({
    ...toJsonSchema(schema, { errorMode: 'ignore', typeMode: 'input', definitions: { Rule: ruleSchema } }),
    $id: `https://cairn.dev/schema/${title}.json`,
    title,
  })
  return {
    'flow.json': convert('flow', flowSchema),
    'tour.json': convert('tour', tourSchema),
    'checklist.json': convert('checklist', checklistSchema),
    'survey.json': convert('survey', surveySchema),
    'announcement.json': convert('announcement', announcementSchema),
    'event.json': convert('event', eventSchema),
    // The envelope checks events one by one; for senders' tooling the file names their shape.
    'batch.json': convert('batch', v.strictObject({ ...batchSchema.entries, events: v.pipe(v.array(eventSchema), v.maxLength(LIMITS.batchEvents)) })),
  }
}
