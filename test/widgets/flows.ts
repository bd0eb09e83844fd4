import type { AnnouncementFlow, ChecklistFlow, SurveyFlow, TourFlow } from '@cairn/protocol'

/** A three-step tour with Persian and Arabic content. */
export const tour: TourFlow = {
  id: 'welcome',
  kind: 'tour',
  steps: [
    { id: 'hello', title: 'Welcome, {{user.firstName|there}}', body: 'Let us show you **around**.' },
    { id: 'projects', title: 'Projects', body: 'All your work lives here.\n- Create\n- Share' },
    { id: 'done', title: 'That is all', body: 'See [the guide](/docs) or [our blog](https://blog.example.com).' },
  ],
  locales: {
    fa: { steps: [{ title: 'خوش آمدید، {{user.firstName|دوست من}}' }, { title: 'پروژه‌ها' }, { title: 'همین بود' }] },
    ar: { steps: [{ title: 'أهلًا بك' }, { title: 'المشاريع' }, { title: 'هذا كل شيء' }] },
  },
}

/** An NPS survey shown as a corner pop-up. */
export const survey: SurveyFlow = {
  id: 'nps',
  kind: 'survey',
  questions: [
    { id: 'score', type: 'nps', prompt: 'How likely are you to recommend us?' },
    { id: 'why', type: 'text', prompt: 'What is the main reason?' },
  ],
  thankYou: { title: 'Thanks, {{user.firstName|friend}}!' },
  locales: { fa: { questions: [{ prompt: 'چقدر احتمال دارد ما را معرفی کنید؟' }, { prompt: 'دلیل اصلی چیست؟' }], thankYou: { title: 'سپاس!' } } },
}

/** A two-item checklist. */
export const checklist: ChecklistFlow = {
  id: 'getting-started',
  kind: 'checklist',
  title: 'Get started',
  body: 'Two steps to your first report.',
  items: [
    { id: 'project', title: 'Create a project', completeOn: { event: 'project_created' } },
    { id: 'invite', title: 'Invite a teammate', completeOn: { event: 'teammate_invited' } },
  ],
}

/** An announcement; the style is set per test. */
export function announcement(style: AnnouncementFlow['style'], extra: Partial<AnnouncementFlow> = {}): AnnouncementFlow {
  return { id: `news-${style}`, kind: 'announcement', style, title: 'Dark mode is here', body: 'Switch in *Settings*.', ...extra }
}
