// Type-checked with `tsc --noEmit` in the fresh project, against the installed packages' types only.
import { init, type Cairn, type InitOptions } from '@cairn/sdk'
import { startCollector, type RunningCollector } from '@cairn/collector'
import { uuidv7, type SurveyFlow } from '@cairn/protocol'

const survey: SurveyFlow = { id: 'typed', kind: 'survey', questions: [{ id: 'score', type: 'nps', prompt: 'How likely?' }] }
const options: InitOptions = { key: 'pk_typed', flows: [survey], user: { id: 'user-1', traits: { plan: 'pro' } } }
const sdk: Cairn = init(options)
sdk.track('typed', { plan: 'pro' })
const off: () => void = sdk.on('survey:answered', (answer) => console.log(answer.questionId, answer.answer))
off()
const id: string = uuidv7(Date.now(), new Uint8Array(10))

// If the installed types did not resolve, everything would be `any` and these lines would not fail.
// @ts-expect-error: an event name is a string
sdk.track(42)
// @ts-expect-error: a survey question needs its type
const untyped: SurveyFlow = { id: 'x', kind: 'survey', questions: [{ id: 'q', prompt: 'p' }] }

export async function serve(): Promise<RunningCollector> {
  const collector = await startCollector({ port: 0, dataDir: './.cairn-data' })
  console.log(collector.url, id, untyped)
  return collector
}
