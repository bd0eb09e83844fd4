import type { StringTable } from './translate.ts'

/** UI strings every widget kind uses: navigation, closing, progress. */
export const COMMON_STRINGS: StringTable<'next' | 'back' | 'done' | 'close' | 'skip' | 'progress'> = {
  en: { next: 'Next', back: 'Back', done: 'Done', close: 'Close', skip: 'Skip', progress: '{n} of {total}' },
  fa: { next: 'بعدی', back: 'قبلی', done: 'تمام', close: 'بستن', skip: 'رد شدن', progress: '{n} از {total}' },
  ar: { next: 'التالي', back: 'السابق', done: 'تم', close: 'إغلاق', skip: 'تخطٍّ', progress: '{n} من {total}' },
}
