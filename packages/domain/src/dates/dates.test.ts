import { describe, expect, it } from 'vitest';
import { dayOfWeek, dayOfYear, isoDate, nthWeekday, parseIsoDate } from './dates';

describe('epoch-day calendar', () => {
  it('round-trips ISO dates and rejects impossible ones', () => {
    expect(isoDate(parseIsoDate('2024-02-29'))).toBe('2024-02-29');
    expect(parseIsoDate('1970-01-02')).toBe(1);
    expect(() => parseIsoDate('2023-02-29')).toThrow(RangeError);
    expect(() => parseIsoDate('2024-1-5')).toThrow(RangeError);
  });

  it('knows weekdays, day of year and nth weekdays', () => {
    expect(dayOfWeek(parseIsoDate('2025-06-30'))).toBe(1); // a Monday
    expect(dayOfYear(parseIsoDate('2024-12-31'))).toBe(365); // leap year, 0-based
    // Thanksgiving 2024 (fourth Thursday of November) was 28 November.
    expect(isoDate(nthWeekday({ year: 2024, month: 10, weekday: 4, n: 4 }))).toBe('2024-11-28');
  });
});
