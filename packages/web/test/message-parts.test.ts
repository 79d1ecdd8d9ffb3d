import { describe, expect, it } from 'vitest';
import { interpolate, messageParts } from '../src/i18n/translate';
import { zhCN } from '../src/i18n/messages/zh-CN';

describe('messageParts', () => {
  it('keeps each filled placeholder apart from the words around it, in the language’s own order', () => {
    expect(messageParts(zhCN['profit.totalsIn'], { currency: 'EUR' })).toEqual([
      { text: 'EUR', name: 'currency' },
      { text: ' 合计' },
    ]);
    expect(messageParts('Totals in {currency}', { currency: 'USD' })).toEqual([
      { text: 'Totals in ' },
      { text: 'USD', name: 'currency' },
    ]);
  });

  it('leaves a placeholder without a value as written, and joins back to interpolate’s text', () => {
    const template = 'from {from} to {to}: {count} SKUs';
    const vars = { from: 'May 1', count: 3 };
    expect(messageParts(template, vars)).toEqual([
      { text: 'from ' },
      { text: 'May 1', name: 'from' },
      { text: ' to {to}: ' },
      { text: '3', name: 'count' },
      { text: ' SKUs' },
    ]);
    expect(interpolate(template, vars)).toBe('from May 1 to {to}: 3 SKUs');
  });
});
