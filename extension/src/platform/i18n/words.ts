/** The languages of the extension: every word exists in each (a missing one is a type error). */
export const LOCALES = ['en', 'zh-CN'] as const;
export const LANGUAGE_NAMES = { en: 'English', 'zh-CN': '简体中文' } as const;
export type Locale = (typeof LOCALES)[number];

/** A feature's words in each language; the English object is the type (`typeof en`). */
export type Dictionary<W> = Record<Locale, W>;

/** The words of relative dates and due dates (relative.ts): "today", "overdue 2 days". */
const en = {
  due: {
    inDays: (n: number) => `in ${n} days`,
    tomorrow: 'tomorrow',
    today: 'today',
    overdueToday: 'overdue today',
    overdueDays: (n: number) => (n === 1 ? 'overdue 1 day' : `overdue ${n} days`),
  },
};

const zhCN: typeof en = {
  due: {
    inDays: (n) => `${n} 天后`,
    tomorrow: '明天',
    today: '今天',
    overdueToday: '今天已逾期',
    overdueDays: (n) => `逾期 ${n} 天`,
  },
};

export const dueWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

/**
 * Every word the user can see, by section: each feature adds its own sections from its
 * words file (`declare module` … `interface Words`), typed from its English object, and the
 * pages are given them all (src/words.ts). Plurals and interpolation are plain functions; a
 * missing zh-CN word is a compile error instead of an English fallback found by a customer.
 */
export interface Words {
  due: (typeof en)['due'];
}
