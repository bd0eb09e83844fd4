import * as v from 'valibot'
import { announcementSchema } from './announcement.ts'
import { checklistSchema } from './checklist.ts'
import { surveySchema } from './survey.ts'
import { tourSchema } from './tour.ts'

/** A complete flow definition of any kind, as written in a flow file or passed to `init({ flows })`. */
export const flowSchema = v.variant('kind', [tourSchema, checklistSchema, surveySchema, announcementSchema])

export type Flow = v.InferOutput<typeof flowSchema>
/** A flow of one kind. */
export type FlowOf<K extends Flow['kind']> = Extract<Flow, { kind: K }>
