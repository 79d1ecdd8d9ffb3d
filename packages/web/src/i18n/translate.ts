import type { Locale } from './locales';
import { en, type MessageKey, type Messages } from './messages/en';
import { zhCN } from './messages/zh-CN';
import { zhTW } from './messages/zh-TW';

export type { MessageKey };

export const DICTIONARIES: Record<Locale, Messages> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** A message cut at its placeholders: literal text, and each filled placeholder with its name. */
export interface MessagePart {
  text: string;
  name?: string;
}

/** `{name}` placeholders filled, kept apart from the literal text (an unknown name stays as written). */
export function messageParts(template: string, vars?: Vars): MessagePart[] {
  const parts: MessagePart[] = [];
  let at = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const name = match[1]!;
    const value = vars?.[name];
    if (value === undefined) continue;
    if (match.index > at) parts.push({ text: template.slice(at, match.index) });
    parts.push({ text: String(value), name });
    at = match.index + match[0].length;
  }
  if (at < template.length) parts.push({ text: template.slice(at) });
  return parts;
}

/** `{name}` placeholders; values are inserted as given (format numbers before passing them). */
export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return messageParts(template, vars)
    .map((p) => p.text)
    .join('');
}

export function translator(locale: Locale): Translate {
  const dictionary = DICTIONARIES[locale];
  return (key, vars) => interpolate(dictionary[key], vars);
}

/** For server-supplied codes (size tiers, reasons) that may be newer than this dictionary. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
