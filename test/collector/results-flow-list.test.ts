import type { Flow } from '@cairn/protocol'
import { describe, expect, it } from 'vitest'
import { flowSource, testApp } from './helpers/app.ts'

const flows = [
  { id: 'welcome', kind: 'tour', name: 'Welcome tour', holdout: 0.1, steps: [{ id: 'a', title: 'Hi' }] },
  { id: 'banner', kind: 'announcement', style: 'banner', title: 'Dark mode' },
  { id: 'nps', kind: 'survey', questions: [{ id: 'score', type: 'nps', prompt: 'Recommend?' }] },
] as unknown as Flow[]

describe('GET /v1/results/flows', () => {
  it('lists the published flows by id with kind, name (else title, else id) and holdout, and the declared milestones', async () => {
    const { app } = testApp({ flows: flowSource(flows), config: { projects: [{ id: 'test', writeKey: 'pk_test', secretKey: 'sk_test', milestones: ['activated'] }] } })
    const res = await app.request('/v1/results/flows', { headers: { Authorization: 'Bearer sk_test' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({
      flows: [
        { id: 'banner', kind: 'announcement', name: 'Dark mode', holdout: 0 },
        { id: 'nps', kind: 'survey', name: 'nps', holdout: 0 },
        { id: 'welcome', kind: 'tour', name: 'Welcome tour', holdout: 0.1 },
      ],
      milestones: ['activated'],
    })
  })

  it('needs the secret key', async () => {
    const { app } = testApp({ flows: flowSource(flows) })
    expect(await (await app.request('/v1/results/flows?key=pk_test')).json()).toMatchObject({ error: 'secret_key_required' })
  })
})
