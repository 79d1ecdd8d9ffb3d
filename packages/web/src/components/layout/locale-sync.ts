import { useEffect } from 'react';
import type { Me } from '../../api/types';
import { useSaveLocale } from '../../accounts/auth.hooks';
import { useI18n } from '../../i18n/i18n-context';
import { hasUnsyncedLocale, toLocale } from '../../i18n/locales';

/**
 * The server remembers each user's language. After sign-in: if the reader picked a language on the
 * sign-in page, that choice is saved to the server; otherwise the server's choice is adopted.
 */
export function useLocaleSync(me: Me | null | undefined): void {
  const { locale, setLocale } = useI18n();
  const save = useSaveLocale();
  const userId = me?.user.id;
  const serverLocale = me?.user.locale;

  useEffect(() => {
    if (userId === undefined) return;
    if (hasUnsyncedLocale()) {
      setLocale(locale);
      if (toLocale(serverLocale) !== locale) save.mutate(locale);
      return;
    }
    const preferred = toLocale(serverLocale);
    if (preferred && preferred !== locale) setLocale(preferred);
    // Only when the signed-in user changes: later switches go through the language menu.
  }, [userId]); // eslint-plugin-react-hooks is not configured; the narrow dependency list is deliberate.
}
