import { afterEach, describe, expect, it } from 'vitest'
import type { ChecklistFlow, SurveyFlow, TourFlow } from '@cairn/protocol'
import type { Cairn } from '../../../packages/sdk/src/index.ts'
import { client, settle, until } from './harness.ts'

const checklist: ChecklistFlow = {
  id: 'list', kind: 'checklist', title: 'List', trigger: {}, dismissible: false,
  items: [{ id: 'board', title: 'Board', completeOn: { event: 'board_created' } }, { id: 'tour', title: 'Tour', action: { tour: 'welcome' } }, { id: 'hand', title: 'By hand' }],
}
const survey: SurveyFlow = {
  id: 'nps', kind: 'survey', trigger: {},
  questions: [
    { id: 'score', type: 'nps', prompt: 'Score?', required: true },
    { id: 'missing', type: 'multi', prompt: 'Missing?', options: [{ id: 'api', label: 'API' }, { id: 'sso', label: 'SSO' }] },
    { id: 'fit', type: 'pmf', prompt: 'Disappointed?' },
  ],
}
const tour: TourFlow = { id: 'welcome', kind: 'tour', trigger: {}, steps: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }] }
const later: TourFlow = { ...tour, id: 'later', trigger: { event: { name: 'never_tracked' } } }
const drawn: TourFlow = { ...tour, id: 'drawn', headless: false, trigger: { event: { name: 'never_tracked' } } }

let made: ReturnType<typeof client> | undefined
afterEach(() => {
  made?.sdk.destroy()
  document.body.replaceChildren()
})

/** A page with a headless checklist and survey on screen, the survey answered up to `missing`. */
async function page() {
  made = client({ flows: [checklist, survey, later, { ...drawn }], headless: ['checklist', 'survey', 'tour'], user: 'u1' })
  const { sdk } = made
  await until(() => expect(sdk.stores.$survey('nps').get()?.open).toBe(true))
  await until(() => expect(sdk.stores.$checklist('list').get()?.open).toBe(true))
  sdk.surveys.answer('nps', 'score', 4)
  await settle()
  return made
}

const CASES: [string, (sdk: Cairn) => void, string][] = [
  ['an id that is not a string', (sdk) => sdk.flows.shown(42 as never), 'flows.shown(): a flow id'],
  ['an unknown flow', (sdk) => sdk.flows.complete('nope'), 'flows.complete(): no flow "nope"'],
  ['a flow Cairn draws', (sdk) => sdk.flows.step('drawn', 0), 'flows.step(): "drawn" is drawn by Cairn'],
  ['a flow not on screen', (sdk) => sdk.flows.step('later', 0), 'flows.step(): "later" is not on screen now'],
  ['the wrong kind', (sdk) => sdk.checklists.tick('nps', 'score'), 'checklists.tick(): "nps" is a survey, not a checklist'],
  ['a survey stepped by hand', (sdk) => sdk.flows.step('nps', 1), 'flows.step(): a survey steps with sdk.surveys.answer'],
  ['an item that ticks itself', (sdk) => sdk.checklists.tick('list', 'board'), 'checklists.tick(): item "board" ticks itself ({"event":"board_created"})'],
  ['an item that starts a tour', (sdk) => sdk.checklists.tick('list', 'tour'), 'checklists.tick(): item "tour" ticks itself ({"tour":"welcome"})'],
  ['an unknown item', (sdk) => sdk.checklists.tick('list', 'zzz'), 'checklists.tick(): "list" has no item "zzz"'],
  ['minimize without a boolean', (sdk) => sdk.checklists.minimize('list', 'yes' as never), 'checklists.minimize(): (id, true or false)'],
  ['a checklist that may not be dismissed', (sdk) => sdk.flows.dismiss('list'), 'flows.dismiss(): "list" is not dismissible: minimize it'],
  ['another question than the current one', (sdk) => sdk.surveys.answer('nps', 'fit', 'very'), 'surveys.answer(): the current question of "nps" is "missing"'],
  ['an option the question lacks', (sdk) => sdk.surveys.answer('nps', 'missing', ['sso', 'sso']), 'surveys.answer(): "missing" takes a list of distinct ids of ["api","sso"]'],
  ['a single id for a multiple choice', (sdk) => sdk.surveys.answer('nps', 'missing', 'api'), '"missing" takes a list of distinct ids'],
  ['"ask me later" after an answer', (sdk) => sdk.flows.dismiss('nps', 'later'), 'flows.dismiss(): "later" only before the first answer'],
  ['a reason that is not text', (sdk) => sdk.flows.dismiss('nps', 5 as never), 'flows.dismiss(): (id, reason?): a reason of 1–64 characters'],
]

describe('wrong report calls are ignored, counted in sdk_error and explained in debug mode', () => {
  it.each(CASES)('%s', async (_, call, why) => {
    const { sdk, said, warnings, errors } = await page()
    const before = (await said()).length
    warnings.length = 0
    call(sdk)
    await settle()
    expect(warnings.map((w) => w.join(' ')).join('\n')).toContain(why)
    expect((await said()).length).toBe(before)
    expect(await errors()).toEqual([{ invalid_call: 1 }])
  })

  it.each([
    ['nps', 11, 'a whole number 0–10'], ['nps', 7.5, 'a whole number 0–10'], ['nps', '9', 'a whole number 0–10'], ['nps', null, 'an answer: the question is required'],
  ] as const)('a %s answer of %j: %s', async (_, answer, why) => {
    made = client({ flows: [survey], headless: true })
    const { sdk, warnings, said } = made
    await until(() => expect(sdk.stores.$survey('nps').get()?.open).toBe(true))
    sdk.surveys.answer('nps', 'score', answer as never)
    await settle()
    expect(warnings.map((w) => w.join(' ')).join('\n')).toContain(`surveys.answer(): "score" takes ${why}`)
    expect(await said()).toEqual([])
  })
})
