/**
 * Shared calendar for the simulated window: ISO dates, weekdays, day of year and retail events
 * (Prime Day in July, Black Friday / Cyber Monday) that lift every SKU's demand at once.
 */
import { dayOfWeek, dayOfYear, isoDate, nthWeekday, yearOf } from '../dates/dates';

export interface Calendar {
  /** Epoch day of index 0 (the first simulated day). */
  start: number;
  length: number;
  iso: string[];
  weekday: Uint8Array;
  dayOfYear: Uint16Array;
  /** Multiplier on demand from retail events (1 on ordinary days). */
  eventLift: Float64Array;
  primeDay: Uint8Array;
  cyberWeek: Uint8Array;
}

/** Amazon-shopper weekly rhythm: Sunday/Monday strongest, Friday weakest (mean ≈ 1). */
const WEEKDAY_LIFT = [1.08, 1.1, 1.02, 0.98, 0.96, 0.9, 0.96];

export function weekdayLift(weekday: number): number {
  return WEEKDAY_LIFT[weekday] ?? 1;
}

export function buildCalendar(start: number, length: number): Calendar {
  const cal: Calendar = {
    start,
    length,
    iso: [],
    weekday: new Uint8Array(length),
    dayOfYear: new Uint16Array(length),
    eventLift: new Float64Array(length).fill(1),
    primeDay: new Uint8Array(length),
    cyberWeek: new Uint8Array(length),
  };
  for (let i = 0; i < length; i++) {
    cal.iso.push(isoDate(start + i));
    cal.weekday[i] = dayOfWeek(start + i);
    cal.dayOfYear[i] = dayOfYear(start + i);
  }
  const mark = (day: number, lift: number, flags?: Uint8Array): void => {
    const i = day - start;
    if (i < 0 || i >= length) return;
    cal.eventLift[i] = lift;
    if (flags) flags[i] = 1;
  };
  for (let year = yearOf(start); year <= yearOf(start + length - 1); year++) {
    // Prime Day falls in mid-July (2023: 11–12, 2025: 8–11); modelled as the two days from the
    // second Tuesday of July, with a small halo either side.
    const prime = nthWeekday({ year, month: 6, weekday: 2, n: 2 });
    mark(prime - 1, 1.15);
    mark(prime, 1.7, cal.primeDay);
    mark(prime + 1, 1.55, cal.primeDay);
    mark(prime + 2, 1.1);
    // Cyber week: Black Friday is the day after the fourth Thursday of November.
    const blackFriday = nthWeekday({ year, month: 10, weekday: 4, n: 4 }) + 1;
    const lifts = [1.9, 1.45, 1.4, 1.75];
    lifts.forEach((lift, k) => {
      mark(blackFriday + k, lift, cal.cyberWeek);
    });
    // Last order days before Christmas shipping cut-offs, then the post-holiday lull.
    for (let d = 14; d <= 20; d++) mark(Date.UTC(year, 11, d) / 86_400_000, 1.15);
    for (let d = 25; d <= 31; d++) mark(Date.UTC(year, 11, d) / 86_400_000, 0.8);
  }
  return cal;
}
