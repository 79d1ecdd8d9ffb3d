import type { Locale } from './locales';
import { en, type MessageKey, type Messages } from './messages/en';
import { zhCN } from './messages/zh-CN';
import { zhTW } from './messages/zh-TW';

export type { MessageKey };

export const DICTIONARIES: Record<Locale, Messages> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** `{name}` placeholders; values are inserted as given (format numbers before passing them). */
export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

export function translator(locale: Locale): Translate {
  const dictionary = DICTIONARIES[locale];
  return (key, vars) => interpolate(dictionary[key], vars);
}

/** For server-supplied codes (size tiers, reasons) that may be newer than this dictionary. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
