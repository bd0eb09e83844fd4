import type { Cairn } from '../core/types.ts'
import type { ChecklistValue, SurveyValue } from './types.ts'
import type { ReadableAtom } from 'nanostores'

/**
 * The store of one checklist, typed: what `useStore` needs to draw it.
 * @example
 * import { useStore } from '@nanostores/react'
 * const checklist = useStore(checklistStore(sdk, 'getting-started')) // null until the flows are in
 */
export const checklistStore = (sdk: Cairn, id: string): ReadableAtom<ChecklistValue | null> => sdk.stores.$checklist(id)

/**
 * The store of one survey: its current question, answers, submission id and thank-you.
 * @example const survey = useStore(surveyStore(sdk, 'nps-q3'))
 */
export const surveyStore = (sdk: Cairn, id: string): ReadableAtom<SurveyValue | null> => sdk.stores.$survey(id)
