import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatters } from './format';
import { I18nContext, type I18nValue } from './i18n-context';
import { detectLocale, rememberLocale, type Locale } from './locales';
import { translator } from './translate';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(detectLocale);

  const setLocale = useCallback((next: Locale, options?: { unsynced?: boolean }) => {
    rememberLocale(next, { unsynced: options?.unsynced ?? false });
    setLocaleState(next);
  }, []);

  // The lang attribute picks CJK fonts and line breaking, and tells screen readers what to speak.
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translator(locale)('app.name');
  }, [locale]);

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: translator(locale), fmt: formatters(locale) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
