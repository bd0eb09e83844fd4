import { toJsonSchema } from '@valibot/to-json-schema'
import type { GenericSchema } from 'valibot'
import { ruleSchema } from './flows/rule.ts'
import { flowSchema } from './flows/flow.ts'
import { tourSchema } from './flows/tour.ts'
import { checklistSchema } from './flows/checklist.ts'
import { surveySchema } from './flows/survey.ts'
import { announcementSchema } from './flows/announcement.ts'

/** The JSON Schema files committed under `schema/`, by file name. */
export function jsonSchemas(): Record<string, object> {
  const convert = (title: string, schema: GenericSchema) => ({
    ...toJsonSchema(schema, { errorMode: 'ignore', definitions: { Rule: ruleSchema } }),
    $id: `https://cairn.dev/schema/${title}.json`,
    title,
  })
  return {
    'flow.json': convert('flow', flowSchema),
    'tour.json': convert('tour', tourSchema),
    'checklist.json': convert('checklist', checklistSchema),
    'survey.json': convert('survey', surveySchema),
    'announcement.json': convert('announcement', announcementSchema),
  }
}
