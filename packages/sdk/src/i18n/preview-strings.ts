import type { StringTable } from './translate.ts'

/** The preview bar's strings (`widgets/preview/bar.tsx`). */
export const PREVIEW_STRINGS: StringTable<'title' | 'step' | 'back' | 'next' | 'language' | 'close' | 'again' | 'failed' | 'problem'> = {
  en: {
    title: 'Preview · not recorded', step: 'Step {n} of {total}', back: 'Previous step', next: 'Next step', language: 'Language',
    close: 'Close preview', again: 'Show again', failed: 'Cannot preview “{id}”: {why}', problem: 'The flow reported: {why}',
  },
  fa: {
    title: 'پیش‌نمایش · ثبت نمی‌شود', step: 'گام {n} از {total}', back: 'گام قبلی', next: 'گام بعدی', language: 'زبان',
    close: 'بستن پیش‌نمایش', again: 'نمایش دوباره', failed: 'پیش‌نمایش «{id}» ممکن نیست: {why}', problem: 'گزارش جریان: {why}',
  },
  ar: {
    title: 'معاينة · لا تُسجَّل', step: 'الخطوة {n} من {total}', back: 'الخطوة السابقة', next: 'الخطوة التالية', language: 'اللغة',
    close: 'إغلاق المعاينة', again: 'اعرض مجددًا', failed: 'تعذّرت معاينة «{id}»: {why}', problem: 'أبلغ المسار: {why}',
  },
}
