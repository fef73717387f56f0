/** The language setting: a locale of i18n/ (checked there), or the browser's. */
export const LANGUAGE_CHOICES = ['auto', 'en', 'zh-CN'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];
