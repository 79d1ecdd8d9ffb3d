import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/messages/en';
import { zhCN } from '../src/i18n/messages/zh-CN';
import { zhTW } from '../src/i18n/messages/zh-TW';
import { interpolate, isMessageKey, translator } from '../src/i18n/translate';
import { toLocale } from '../src/i18n/locales';
import { CODE_WORDS } from './support/visible-text';

const DICTIONARIES = { en, 'zh-CN': zhCN, 'zh-TW': zhTW } as const;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have identical key sets', () => {
    const keys = Object.keys(en).sort();
    expect(Object.keys(zhCN).sort()).toEqual(keys);
    expect(Object.keys(zhTW).sort()).toEqual(keys);
  });

  it('use the same placeholders for every key, and no empty strings', () => {
    for (const [locale, dictionary] of Object.entries(DICTIONARIES)) {
      for (const [key, text] of Object.entries(dictionary)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
      }
    }
  });

  it('are really translated: Chinese text carries no English words beyond codes sellers use as-is', () => {
    const allowed = new Set(CODE_WORDS);
    for (const dictionary of [zhCN, zhTW]) {
      for (const [key, text] of Object.entries(dictionary)) {
        const words = (text.replace(/\{\w+\}/g, '').match(/[A-Za-z]{2,}/g) ?? []).filter(
          (w) => !allowed.has(w),
        );
        expect(words, key).toEqual([]);
      }
    }
  });

  it('keep the two scripts apart: zh-TW uses traditional characters, zh-CN simplified ones', () => {
    // Pairs common in this UI: simplified / traditional.
    const pairs = [
      '库庫',
      '设設',
      '户戶',
      '语語',
      '条條',
      '码碼',
      '货貨',
      '览覽',
      '导導',
      '载載',
      '时時',
      '为為',
      '预預',
      '务務',
      '单單',
      '数數',
      '据據',
      '价價',
      '账帳',
      '龄齡',
    ];
    const simplified = new RegExp(`[${pairs.map((p) => p[0]).join('')}]`);
    const traditional = new RegExp(`[${pairs.map((p) => p[1]).join('')}]`);
    for (const [key, text] of Object.entries(zhTW))
      expect(simplified.test(text), `zh-TW ${key}: ${text}`).toBe(false);
    for (const [key, text] of Object.entries(zhCN))
      expect(traditional.test(text), `zh-CN ${key}: ${text}`).toBe(false);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{shown} of {total} rows', { shown: '5', total: '9' })).toBe('5 of 9 rows');
    expect(interpolate('{a} {b}', { a: 1 })).toBe('1 {b}');
    expect(translator('zh-TW')('inventory.count', { shown: '5', total: '9' })).toBe('共 9 列，顯示 5 列');
  });

  it('recognises keys for server codes, and only real keys', () => {
    expect(isMessageKey('sizeTier.large_standard')).toBe(true);
    expect(isMessageKey('sizeTier.not_a_tier')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
  });

  it('maps browser and server language tags to the three locales', () => {
    expect(toLocale('en-GB')).toBe('en');
    expect(toLocale('zh')).toBe('zh-CN');
    expect(toLocale('zh-SG')).toBe('zh-CN');
    expect(toLocale('zh-Hans-CN')).toBe('zh-CN');
    expect(toLocale('zh-HK')).toBe('zh-TW');
    expect(toLocale('zh-Hant')).toBe('zh-TW');
    expect(toLocale('fr-FR')).toBeNull();
    expect(toLocale(null)).toBeNull();
  });
});
