/**
 * Calendar arithmetic on epoch days (whole UTC days since 1970-01-01). Using integers keeps the
 * simulation free of time zones and of the system clock.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`expected a date as YYYY-MM-DD, got "${iso}"`);
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const day = ms / MS_PER_DAY;
  // Date.UTC rolls 2024-02-30 over to March; a round trip catches it.
  if (isoDate(day) !== iso) throw new RangeError(`not a calendar date: "${iso}"`);
  return day;
}

/** `isoDate`'s answers kept (at most `ISO_DAYS_KEPT`): a plan names the same few days on every line. */
const isoDays = new Map<number, string>();
const ISO_DAYS_KEPT = 4096;

export function isoDate(epochDay: number): string {
  const known = isoDays.get(epochDay);
  if (known !== undefined) return known;
  const iso = new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
  if (isoDays.size >= ISO_DAYS_KEPT) isoDays.clear();
  isoDays.set(epochDay, iso);
  return iso;
}

/**
 * The days Stockwise takes from people and files (API dates, report days, imported rows). E-commerce
 * data starts after 1990 and plans reach years ahead, not centuries: a day outside is a typo (year
 * 0001, 20244), never data.
 */
export const ACCEPTED_DAYS = { first: '1990-01-01', last: '2199-12-31' } as const;

/** The refusal's words, naming the range. */
export const ACCEPTED_DAYS_MESSAGE = `a date between ${ACCEPTED_DAYS.first} and ${ACCEPTED_DAYS.last}`;

/** Whether a YYYY-MM-DD day lies in ACCEPTED_DAYS (ISO days compare as strings). */
export function isAcceptedDay(iso: string): boolean {
  return iso >= ACCEPTED_DAYS.first && iso <= ACCEPTED_DAYS.last;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(epochDay: number): number {
  // 1970-01-01 was a Thursday.
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function yearOf(epochDay: number): number {
  return new Date(epochDay * MS_PER_DAY).getUTCFullYear();
}

/** 0-based: 1 January is 0. */
export function dayOfYear(epochDay: number): number {
  return epochDay - Date.UTC(yearOf(epochDay), 0, 1) / MS_PER_DAY;
}

/** Epoch day of the n-th (1-based) given weekday of a month (month 0-based). */
export function nthWeekday(options: { year: number; month: number; weekday: number; n: number }): number {
  const first = Date.UTC(options.year, options.month, 1) / MS_PER_DAY;
  const offset = (options.weekday - dayOfWeek(first) + 7) % 7;
  return first + offset + 7 * (options.n - 1);
}

/** Days in a calendar month (1–12) of a year, 28 to 31. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
