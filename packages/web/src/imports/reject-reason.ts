import type { MessageKey } from '../i18n/translate';

/**
 * The importer explains each rejected line in English (domain/channels/import-formats.ts). The
 * common reasons are recognised here and said in the reader's language; the line and column already
 * name the value, so the words carry no seller data. Anything else is shown as the server wrote it.
 */
const PATTERNS: {
  pattern: RegExp;
  key: MessageKey;
  vars?: (m: RegExpExecArray) => Record<string, string>;
}[] = [
  { pattern: /^unknown SKU /, key: 'imports.why.unknownSku' },
  { pattern: /^unknown location /, key: 'imports.why.unknownLocation' },
  { pattern: /^\S+ is required$/, key: 'imports.why.required' },
  { pattern: /^\S+ must be a whole number/, key: 'imports.why.wholeNumber' },
  { pattern: /^\S+ must be at least (\d+)/, key: 'imports.why.atLeast', vars: (m) => ({ min: m[1]! }) },
  { pattern: /^\S+ must be an amount/, key: 'imports.why.amount' },
  { pattern: /^\S+ (must be a date like|is not a calendar date)/, key: 'imports.why.date' },
  {
    pattern: /^\S+ is longer than (\d+) characters/,
    key: 'imports.why.tooLong',
    vars: (m) => ({ max: m[1]! }),
  },
  { pattern: /^\S+ is too large/, key: 'imports.why.tooLarge' },
  { pattern: /^\S+ must be true or false/, key: 'imports.why.boolean' },
  { pattern: /^channel must be one of/, key: 'imports.why.channel' },
  { pattern: /^status must be/, key: 'imports.why.status' },
  { pattern: /^currency must be/, key: 'imports.why.currency' },
  { pattern: /^the header misses column/, key: 'imports.why.header' },
];

export function rejectReason(message: string): { key: MessageKey; vars?: Record<string, string> } | null {
  for (const { pattern, key, vars } of PATTERNS) {
    const m = pattern.exec(message);
    if (m) return vars ? { key, vars: vars(m) } : { key };
  }
  return null;
}
