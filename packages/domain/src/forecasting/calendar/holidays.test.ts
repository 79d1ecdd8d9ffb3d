import { describe, expect, it } from 'vitest';
import { isoDate, parseIsoDate } from '../../dates/dates';
import {
  MARKETPLACES,
  calendarMarketplace,
  dailyEventNames,
  easterSunday,
  marketplaceCalendar,
} from './holidays';

const year = (y: number) => ({ from: parseIsoDate(`${y}-01-01`), to: parseIsoDate(`${y + 1}-01-01`) });
const dateOf = (m: (typeof MARKETPLACES)[number], y: number, name: string): string[] =>
  marketplaceCalendar(m, year(y))
    .filter((e) => e.name === name)
    .map((e) => isoDate(e.day));

describe('marketplace calendars', () => {
  it('computes Easter for known years', () => {
    expect(isoDate(easterSunday(2024))).toBe('2024-03-31');
    expect(isoDate(easterSunday(2025))).toBe('2025-04-20');
    expect(isoDate(easterSunday(2038))).toBe('2038-04-25');
  });

  it('reproduces published dates (reference values from the official calendars)', () => {
    expect(dateOf('US', 2024, 'Thanksgiving')).toEqual(['2024-11-28']);
    expect(dateOf('US', 2024, 'Black Friday')).toEqual(['2024-11-29']);
    expect(dateOf('US', 2024, 'Cyber Monday')).toEqual(['2024-12-02']);
    expect(dateOf('US', 2024, 'Memorial Day')).toEqual(['2024-05-27']);
    expect(dateOf('US', 2023, 'Prime Day')).toEqual(['2023-07-11', '2023-07-12']);
    expect(dateOf('CA', 2024, 'Victoria Day')).toEqual(['2024-05-20']);
    expect(dateOf('CA', 2025, 'Victoria Day')).toEqual(['2025-05-19']);
    expect(dateOf('UK', 2024, 'Mothering Sunday')).toEqual(['2024-03-10']);
    expect(dateOf('UK', 2024, 'Summer Bank Holiday')).toEqual(['2024-08-26']);
    expect(dateOf('DE', 2024, 'Pfingstmontag')).toEqual(['2024-05-20']);
    expect(dateOf('FR', 2025, 'Ascension')).toEqual(['2025-05-29']);
    expect(dateOf('JP', 2023, '春分の日 Vernal Equinox')).toEqual(['2023-03-21']);
    expect(dateOf('JP', 2024, '秋分の日 Autumnal Equinox')).toEqual(['2024-09-22']);
    expect(dateOf('JP', 2023, '秋分の日 Autumnal Equinox')).toEqual(['2023-09-23']);
    expect(dateOf('ES', 2026, 'Viernes Santo')).toEqual(['2026-04-03']);
  });

  it('every marketplace has its holidays and the retail events in any year', () => {
    for (const m of MARKETPLACES) {
      for (const y of [2011, 2026, 2040]) {
        const days = marketplaceCalendar(m, year(y));
        expect(days.filter((d) => d.kind === 'holiday').length).toBeGreaterThanOrEqual(8);
        expect(days.filter((d) => d.kind === 'retail').map((d) => d.name)).toEqual([
          'Prime Day',
          'Prime Day',
          "Singles' Day",
          'Black Friday',
          'Cyber Monday',
        ]);
        expect(days.every((d, i) => i === 0 || d.day >= days[i - 1]!.day)).toBe(true);
      }
    }
  });

  it('gives one name per day and falls back to US for unknown marketplaces', () => {
    const range = { from: parseIsoDate('2024-12-24'), to: parseIsoDate('2024-12-27') };
    expect(dailyEventNames('UK', range)).toEqual(['', 'Christmas Day', 'Boxing Day']);
    expect(calendarMarketplace(null)).toBe('US');
    expect(calendarMarketplace('gb')).toBe('UK');
    expect(calendarMarketplace('BR')).toBe('US');
    expect(calendarMarketplace('de')).toBe('DE');
  });
});
