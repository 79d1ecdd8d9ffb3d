export const LOCALES = ['en', 'zh-CN', 'zh-TW'] as const;
export type Locale = (typeof LOCALES)[number];

/** Endonyms: each language is named in itself, so a reader can find theirs whatever is showing. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
};

const STORAGE_KEY = 'stockwise.locale';
/** Set when the language was chosen while signed out; pushed to the server after sign-in. */
const UNSYNCED_KEY = 'stockwise.locale.unsynced';

export function toLocale(value: string | null | undefined): Locale | null {
  if (!value) return null;
  const lower = value.toLowerCase();
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  // Traditional script: Taiwan, Hong Kong, Macau, or an explicit Hant tag.
  if (lower === 'zh-tw' || lower === 'zh-hk' || lower === 'zh-mo' || lower.startsWith('zh-hant'))
    return 'zh-TW';
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  return null;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // Storage can throw in locked-down browsers; the app still works without it.
  }
}

export function storedLocale(): Locale | null {
  return toLocale(storage()?.getItem(STORAGE_KEY));
}

export function detectLocale(): Locale {
  const stored = storedLocale();
  if (stored) return stored;
  const languages = typeof navigator === 'undefined' ? [] : navigator.languages;
  for (const language of languages) {
    const match = toLocale(language);
    if (match) return match;
  }
  return 'en';
}

export function rememberLocale(locale: Locale, options: { unsynced: boolean }): void {
  const store = storage();
  if (!store) return;
  store.setItem(STORAGE_KEY, locale);
  if (options.unsynced) store.setItem(UNSYNCED_KEY, '1');
  else store.removeItem(UNSYNCED_KEY);
}

export function hasUnsyncedLocale(): boolean {
  return storage()?.getItem(UNSYNCED_KEY) === '1';
}
