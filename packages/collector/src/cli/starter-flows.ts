import type { Flow } from '@cairn/protocol'

/** The milestones the starter config declares and the starter flows use. */
export const STARTER_MILESTONES = ['created_first_project', 'invited_teammate']

/**
 * One flow of each kind, each using what its kind is for, written by `cairn init` to start from:
 * a welcome tour, a getting-started checklist ending in the milestones, an NPS survey asked once
 * people have used the product, and an invite announcement after the first project.
 */
export const STARTER_FLOWS: readonly Flow[] = [
  {
    id: 'welcome-tour', kind: 'tour', name: 'Welcome tour', frequency: 'until_completed',
    trigger: { url: '/', daysSinceFirstSeen: 0, delayMs: 800 },
    steps: [
      { id: 'hello', title: 'Welcome, {{user.firstName|there}}!', body: 'A one-minute tour of the essentials.' },
      { id: 'new-project', target: '#new-project', placement: 'bottom-start', title: 'Start a project', body: 'Everything lives in a project. **Click New project.**', advanceOn: 'click' },
    ],
  },
  {
    id: 'getting-started', kind: 'checklist', name: 'Getting started', frequency: 'until_completed',
    trigger: { url: '/**' }, title: 'Get started', body: 'Three steps to your first result.',
    items: [
      { id: 'tour', title: 'Take the tour', action: { tour: 'welcome-tour' } },
      { id: 'project', title: 'Create a project', completeOn: { milestone: 'created_first_project' } },
      { id: 'invite', title: 'Invite a teammate', completeOn: { milestone: 'invited_teammate' } },
    ],
  },
  {
    id: 'nps', kind: 'survey', name: 'NPS', reaskAfterDays: 90, display: 'popover',
    trigger: { event: { name: 'project_opened', count: 5 }, delayMs: 1500 },
    questions: [
      { id: 'score', type: 'nps', prompt: 'How likely are you to recommend us to a friend or colleague?', required: true, next: [{ max: 6, goto: 'missing' }, { min: 9, goto: 'love' }] },
      { id: 'missing', type: 'text', prompt: 'What is the one thing we should do better?', multiline: true, next: [{ goto: 'end' }] },
      { id: 'love', type: 'text', prompt: 'What do you love most?', multiline: true },
    ],
    thankYou: { title: 'Thank you!', body: 'Every answer is read by the team.' },
  },
  {
    id: 'invite-teammates', kind: 'announcement', name: 'Invite teammates', style: 'banner', position: 'bottom', frequency: 'once',
    trigger: { milestone: 'created_first_project' },
    audience: { not: { event: 'invited_teammate', op: 'gt', count: 0 } },
    title: 'Projects are better together', body: 'Invite a teammate from the toolbar.',
    cta: { label: 'Invite', url: '/settings/team' },
  },
] as Flow[]
