import { describe, expect, it } from 'vitest';
import { formatters } from '../src/i18n/format';

describe('locale formatters', () => {
  it('formats numbers, money and dates per locale', () => {
    expect(formatters('en').int(1234567)).toBe('1,234,567');
    expect(formatters('en').money(117373.85, 'USD')).toBe('$117,373.85');
    expect(formatters('zh-CN').money(18.99, 'USD')).toBe('US$18.99');
    expect(formatters('en').date('2026-11-26T12:00:00Z')).toBe('Nov 26, 2026');
    expect(formatters('zh-CN').date('2026-11-26T12:00:00Z')).toBe('2026年11月26日');
    expect(formatters('zh-TW').date('2026-11-26T12:00:00Z')).toBe('2026年11月26日');
    expect(formatters('en').pct(0.254)).toBe('25.4%');
  });

  it('never shows NaN or Infinity: a dash instead', () => {
    const fmt = formatters('en');
    expect(fmt.int(Number.NaN)).toBe('—');
    expect(fmt.num(Number.POSITIVE_INFINITY)).toBe('—');
    expect(fmt.money(Number.NaN, 'USD')).toBe('—');
    expect(fmt.date('not a date')).toBe('—');
  });
});
