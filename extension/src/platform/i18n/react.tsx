import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { languageItem } from '../storage/items.ts';
import { browserLanguages, type LanguageChoice, resolveLocale } from './locale.ts';
import { dictionaries, type Locale, type Messages } from './messages.ts';

interface I18n {
  m: Messages;
  locale: Locale;
}

const I18nContext = createContext<I18n>({ m: dictionaries.en, locale: 'en' });

/**
 * Follows the language setting live (changing it in the options page re-renders an open
 * panel). Renders nothing until the setting is read, so a Chinese user never sees an
 * English flash.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [choice, setChoice] = useState<LanguageChoice | null>(null);
  useEffect(() => {
    void languageItem.getValue().then(setChoice);
    return languageItem.watch((v) => setChoice(v));
  }, []);
  if (!choice) return null;
  const locale = resolveLocale(choice, browserLanguages());
  document.documentElement.lang = locale;
  return <I18nContext.Provider value={{ m: dictionaries[locale], locale }}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
