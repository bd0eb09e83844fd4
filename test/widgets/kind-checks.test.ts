import { describe, expect, it } from 'vitest'
import { check as protocolCheck, flowSchema, type Flow } from '@cairn/protocol'
import { check as checkTour } from '../../packages/sdk/src/widgets/tour.tsx'
import { check as checkSurvey } from '../../packages/sdk/src/widgets/survey.tsx'
import { check as checkChecklist } from '../../packages/sdk/src/widgets/checklist.tsx'
import { check as checkAnnouncement } from '../../packages/sdk/src/widgets/announcement.tsx'
import { announcement, checklist, survey, tour } from './flows.ts'

const CHECKS = { tour: checkTour, survey: checkSurvey, checklist: checkChecklist, announcement: checkAnnouncement }
const valid: Flow[] = [tour, survey, checklist, ...(['modal', 'banner', 'slideout'] as const).map((s) => announcement(s)), announcement('hotspot', { target: '#x' })]

describe('kind checks of the placeholder chunks', () => {
  it.each(valid.map((f) => [`${f.kind} ${f.id}`, f] as const))('accept the protocol-valid fixture %s', (_, flow) => {
    expect(protocolCheck(flowSchema, flow).ok).toBe(true)
    expect(CHECKS[flow.kind](flow)).toBeUndefined()
  })

  it.each([
    ['tour', { id: 't', kind: 'tour' }, '$.steps: must be a non-empty list'],
    ['tour', { id: 't', kind: 'tour', steps: [] }, '$.steps: must be a non-empty list'],
    ['tour', { id: 't', kind: 'tour', steps: [{ id: 'a', title: 'A' }, { id: 'b' }] }, '$.steps[1].title: must be text'],
    ['tour', { id: 't', kind: 'tour', steps: [null] }, '$.steps[0].title: must be text'],
    ['survey', { id: 's', kind: 'survey', questions: [{ id: 'q', type: 'nps', prompt: 7 }] }, '$.questions[0].prompt: must be text'],
    ['checklist', { id: 'c', kind: 'checklist', items: [{ id: 'i', title: 'I' }] }, '$.title: must be text'],
    ['checklist', { id: 'c', kind: 'checklist', title: 'C', items: 'nope' }, '$.items: must be a non-empty list'],
    ['announcement', { id: 'a', kind: 'announcement', style: 'modal' }, '$.title: must be text'],
    ['announcement', { id: 'a', kind: 'announcement', title: 'A', style: 'popup' }, '$.style: must be modal, banner, slideout or hotspot'],
    ['announcement', { id: 'a', kind: 'announcement', title: 'A', style: 'constructor' }, '$.style: must be modal, banner, slideout or hotspot'],
  ] as const)('reject a %s without what it renders: %j', (kind, flow, problem) => {
    expect(CHECKS[kind](flow as unknown as Flow)).toBe(problem)
  })
})
