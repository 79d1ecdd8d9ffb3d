import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';

const DAY_MS = 86_400_000;

/** Today's date in UTC, 'YYYY-MM-DD'. */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);

/**
 * One second past midnight UTC of the day `offset` days from today: on that date whatever the time of
 * the run, and never in the future (a movement posted at noon "today" by a run before noon would be).
 * Ages counted from it are whole days all day long.
 */
export const dayAt = (offset: number): Date => new Date((parseIsoDate(todayIso()) + offset) * DAY_MS + 1000);

/** The date `offset` days from today, 'YYYY-MM-DD'. */
export const dateAt = (offset: number): string => isoDate(parseIsoDate(todayIso()) + offset);
