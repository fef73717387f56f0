import type { LanguageChoice } from '../storage/choices.ts';
import type { Locale } from './words.ts';

export { LANGUAGE_CHOICES, type LanguageChoice } from '../storage/choices.ts';

/** Every choice but `auto` is a locale with its words, and every locale can be chosen. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _choicesAreLocales: Same<Exclude<LanguageChoice, 'auto'>, Locale> = true;
void _choicesAreLocales;

/**
 * The user's choice wins; "auto" follows the browser's UI languages in order, so a Chinese
 * browser gets zh-CN (zh-TW/zh-HK too: simplified beats English for these readers).
 */
export function resolveLocale(choice: LanguageChoice, browserLanguages: readonly string[]): Locale {
  if (choice !== 'auto') return choice;
  for (const lang of browserLanguages) {
    const l = lang.toLowerCase();
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}

/** What the browser says about its languages, in any context (page or worker). */
export function browserLanguages(): string[] {
  const nav = globalThis.navigator;
  if (nav?.languages?.length) return [...nav.languages];
  return nav?.language ? [nav.language] : [];
}
