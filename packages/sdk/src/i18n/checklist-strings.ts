import type { StringTable } from './translate.ts'

/** Checklist UI strings: progress, item states, launcher, celebration. Only the checklist chunk imports it. */
export const CHECKLIST_STRINGS: StringTable<'progress' | 'minimize' | 'allDone' | 'allDoneBody' | 'itemDone' | 'itemTodo' | 'ticked'> = {
  en: {
    progress: '{n} of {total} done', minimize: 'Minimize', allDone: 'All done!', allDoneBody: 'You have finished every step.',
    itemDone: 'completed', itemTodo: 'not completed', ticked: 'Done: {item}.',
  },
  fa: {
    progress: '{n} از {total} انجام شد', minimize: 'کوچک کردن', allDone: 'همه انجام شد!', allDoneBody: 'همهٔ قدم‌ها را تمام کردید.',
    itemDone: 'انجام شده', itemTodo: 'انجام نشده', ticked: 'انجام شد: {item}.',
  },
  ar: {
    progress: 'تم {n} من {total}', minimize: 'تصغير', allDone: 'اكتمل كل شيء!', allDoneBody: 'لقد أنهيت كل الخطوات.',
    itemDone: 'مكتمل', itemTodo: 'غير مكتمل', ticked: 'تم: {item}.',
  },
}
