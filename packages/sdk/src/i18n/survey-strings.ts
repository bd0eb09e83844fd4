import type { StringTable } from './translate.ts'

type SurveyKey =
  | 'submit' | 'thanks' | 'askLater' | 'other' | 'otherPlaceholder' | 'textPlaceholder'
  | 'npsLow' | 'npsHigh' | 'csatLow' | 'csatHigh' | 'cesLow' | 'cesHigh'
  | 'pmfVery' | 'pmfSomewhat' | 'pmfNot' | 'pmfNotUsing'

/** Survey UI strings: buttons, default scale labels and the PMF answers. Only the survey chunk imports it. */
export const SURVEY_STRINGS: StringTable<SurveyKey> = {
  en: {
    submit: 'Submit', thanks: 'Thank you!', askLater: 'Ask me later', other: 'Other',
    otherPlaceholder: 'Please specify', textPlaceholder: 'Type your answer…',
    npsLow: 'Not at all likely', npsHigh: 'Extremely likely',
    csatLow: 'Very unsatisfied', csatHigh: 'Very satisfied', cesLow: 'Very difficult', cesHigh: 'Very easy',
    pmfVery: 'Very disappointed', pmfSomewhat: 'Somewhat disappointed', pmfNot: 'Not disappointed',
    pmfNotUsing: 'I no longer use it',
  },
  fa: {
    submit: 'ارسال', thanks: 'سپاسگزاریم!', askLater: 'بعداً بپرس', other: 'دیگر',
    otherPlaceholder: 'لطفاً توضیح دهید', textPlaceholder: 'پاسخ خود را بنویسید…',
    npsLow: 'اصلاً محتمل نیست', npsHigh: 'بسیار محتمل است',
    csatLow: 'بسیار ناراضی', csatHigh: 'بسیار راضی', cesLow: 'بسیار دشوار', cesHigh: 'بسیار آسان',
    pmfVery: 'خیلی ناامید می‌شوم', pmfSomewhat: 'کمی ناامید می‌شوم', pmfNot: 'ناامید نمی‌شوم',
    pmfNotUsing: 'دیگر از آن استفاده نمی‌کنم',
  },
  ar: {
    submit: 'إرسال', thanks: 'شكرًا لك!', askLater: 'اسألني لاحقًا', other: 'أخرى',
    otherPlaceholder: 'يرجى التوضيح', textPlaceholder: 'اكتب إجابتك…',
    npsLow: 'غير محتمل إطلاقًا', npsHigh: 'محتمل للغاية',
    csatLow: 'غير راضٍ إطلاقًا', csatHigh: 'راضٍ جدًا', cesLow: 'صعب جدًا', cesHigh: 'سهل جدًا',
    pmfVery: 'سأشعر بخيبة أمل كبيرة', pmfSomewhat: 'سأشعر ببعض خيبة الأمل', pmfNot: 'لن أشعر بخيبة أمل',
    pmfNotUsing: 'لم أعد أستخدمه',
  },
}
