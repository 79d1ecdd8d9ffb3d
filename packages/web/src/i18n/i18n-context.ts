import { createContext, useContext } from 'react';
import type { Formatters } from './format';
import type { Locale } from './locales';
import type { Translate } from './translate';

export interface I18nValue {
  locale: Locale;
  t: Translate;
  fmt: Formatters;
  /** Changes the language on screen and in localStorage (the server copy is the caller's job). */
  setLocale: (locale: Locale, options?: { unsynced?: boolean }) => void;
}

export const I18nContext = createContext<I18nValue | null>(null);

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
