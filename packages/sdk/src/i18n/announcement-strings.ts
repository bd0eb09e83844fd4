import type { StringTable } from './translate.ts'

/** Announcement UI strings: the what's-new feed and its badge. Only the announcement chunk imports it. */
export const ANNOUNCEMENT_STRINGS: StringTable<'whatsNew' | 'unread' | 'new' | 'learnMore' | 'empty'> = {
  en: { whatsNew: "What's new", unread: '{n} new', new: 'New', learnMore: 'Learn more', empty: 'Nothing new yet' },
  fa: { whatsNew: 'تازه‌ها', unread: '{n} مورد تازه', new: 'تازه', learnMore: 'بیشتر بدانید', empty: 'هنوز خبر تازه‌ای نیست' },
  ar: { whatsNew: 'ما الجديد', unread: '{n} جديد', new: 'جديد', learnMore: 'اعرف المزيد', empty: 'لا جديد بعد' },
}
