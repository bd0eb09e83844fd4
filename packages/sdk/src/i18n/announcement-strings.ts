import type { StringTable } from './translate.ts'

/** Announcement UI strings: the what's-new feed and its badge. Only its on-demand part (whats-new.ts) imports them. */
export const ANNOUNCEMENT_STRINGS: StringTable<'whatsNew' | 'unread' | 'new' | 'empty'> = {
  en: { whatsNew: "What's new", unread: '{n} new', new: 'New', empty: 'Nothing new yet' },
  fa: { whatsNew: 'تازه‌ها', unread: '{n} مورد تازه', new: 'تازه', empty: 'هنوز خبر تازه‌ای نیست' },
  ar: { whatsNew: 'ما الجديد', unread: '{n} جديد', new: 'جديد', empty: 'لا جديد بعد' },
}
