import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { languageItem } from '../storage/items.ts';
import { browserLanguages, type LanguageChoice, resolveLocale } from './locale.ts';
import type { Dictionary, Locale, Words } from './words.ts';

interface I18n {
  m: Words;
  locale: Locale;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * Follows the language setting live (changing it in the options page re-renders an open
 * panel). Renders nothing until the setting is read, so a Chinese user never sees an
 * English flash.
 */
export function I18nProvider({ words, children }: { words: Dictionary<Words>; children: ReactNode }) {
  const [choice, setChoice] = useState<LanguageChoice | null>(null);
  useEffect(() => {
    void languageItem.getValue().then(setChoice);
    return languageItem.watch((v) => setChoice(v));
  }, []);
  if (!choice) return null;
  const locale = resolveLocale(choice, browserLanguages());
  document.documentElement.lang = locale;
  return <I18nContext.Provider value={{ m: words[locale], locale }}>{children}</I18nContext.Provider>;
}

/** The words of the page's language; only inside an I18nProvider (every page's root has one). */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside an I18nProvider');
  return i18n;
}
