import type { StringTable } from './translate.ts'

/** Checklist UI strings: launcher, progress, item states, celebration. Only the checklist chunk imports it. */
export const CHECKLIST_STRINGS: StringTable<'title' | 'progress' | 'open' | 'minimize' | 'allDone' | 'itemDone' | 'itemTodo'> = {
  en: {
    title: 'Getting started', progress: '{n} of {total} done', open: 'Open checklist', minimize: 'Minimize',
    allDone: 'All done!', itemDone: 'completed', itemTodo: 'not completed',
  },
  fa: {
    title: 'شروع کار', progress: '{n} از {total} انجام شد', open: 'باز کردن فهرست', minimize: 'کوچک کردن',
    allDone: 'همه انجام شد!', itemDone: 'انجام شده', itemTodo: 'انجام نشده',
  },
  ar: {
    title: 'البدء', progress: 'تم {n} من {total}', open: 'فتح القائمة', minimize: 'تصغير',
    allDone: 'اكتمل كل شيء!', itemDone: 'مكتمل', itemTodo: 'غير مكتمل',
  },
}
