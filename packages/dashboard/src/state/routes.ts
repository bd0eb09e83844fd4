/** The dashboard's pages and their paths (under the collector's `/dashboard`). */
export const ROUTES = {
  overview: '/dashboard',
  retention: '/dashboard/retention',
  surveys: '/dashboard/surveys',
  survey: '/dashboard/surveys/:id',
  tours: '/dashboard/tours',
  tour: '/dashboard/tours/:id',
  checklists: '/dashboard/checklists',
  checklist: '/dashboard/checklists/:id',
  milestones: '/dashboard/milestones',
  experiments: '/dashboard/experiments',
} as const

export type RouteName = keyof typeof ROUTES

/** The pages in the navigation, in order (detail pages belong to their list's entry). */
export const NAV: readonly RouteName[] = ['overview', 'retention', 'surveys', 'tours', 'checklists', 'milestones', 'experiments']

/** Which navigation entry a page belongs to. */
export const section = (route: RouteName): RouteName =>
  route === 'survey' ? 'surveys' : route === 'tour' ? 'tours' : route === 'checklist' ? 'checklists' : route

/** The path of a page, its `:id` filled in. */
export const pathOf = (route: RouteName, id?: string): string => ROUTES[route].replace(':id', encodeURIComponent(id ?? ''))
