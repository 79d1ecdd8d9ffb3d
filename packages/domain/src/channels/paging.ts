/** Why a paged read of a channel API ended. */
export type PageStop = 'done' | 'repeated-token' | 'page-limit';

/**
 * Pages a channel API hands out before Stockwise stops reading one list: an SP-API page holds up to
 * 100 orders (or 50 inventory summaries), so 200 pages cover 10,000–20,000 rows per sync; the rest
 * comes with the next sync from the cursor.
 * @default 200
 */
export const MAX_PAGES = 200;

/**
 * Decides whether to read the next page of a list (docs/formulas.md, "Channel paging"): a missing
 * token ends the list; a token already followed means the channel loops (Amazon's sandbox answers a
 * static NextToken) and stops it; so does the page limit.
 *
 * @example pageStep({ token: 'seed', followed: new Set(['seed']), pages: 1 }) // { stop: 'repeated-token' }
 */
export function pageStep(q: {
  token: string | null;
  followed: ReadonlySet<string>;
  pages: number;
  maxPages?: number;
}): { next: string } | { stop: PageStop } {
  if (q.token === null || q.token === '') return { stop: 'done' };
  if (q.followed.has(q.token)) return { stop: 'repeated-token' };
  if (q.pages >= (q.maxPages ?? MAX_PAGES)) return { stop: 'page-limit' };
  return { next: q.token };
}

/**
 * A channel's timestamp as an ISO 8601 instant, or null when it is none. Amazon's sandbox sends
 * `CreatedBefore` as epoch seconds in scientific notation ("1.569521782042E9"): numbers below 10^11
 * are read as seconds, larger ones as milliseconds. Cursors are stored in this form only.
 */
export function isoInstant(value: unknown): string | null {
  if (
    typeof value === 'number' ||
    (typeof value === 'string' && /^\s*\d+(\.\d+)?([eE][+]?\d+)?\s*$/.test(value))
  ) {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) return null;
    const d = new Date(n < 1e11 ? n * 1000 : n);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value.trim())) return null;
  const d = new Date(value.trim());
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/**
 * Refusals a later sync can cure: short stock (an inventory sync or a receipt brings it) and an order
 * changed meanwhile. Any other (a payload Stockwise cannot read) is skipped and reported.
 */
export function isCurableRefusal(code: string): boolean {
  return code === 'INSUFFICIENT_STOCK' || code === 'CONFLICT';
}

/**
 * The order cursor to store after a pull (docs/decisions.md 47): the pull's own, unless orders were
 * refused for a reason a later sync can cure; then no later than the earliest such order's last update
 * (the list is read from it again, and the orders taken in meanwhile replay), and the previous cursor
 * when one of them has no update time. Never before the previous cursor.
 *
 * @example heldCursor({ next: '2024-05-03T00:00:00.000Z', previous: null, waiting: [new Date('2024-05-01T10:00:00Z')] }) // '2024-05-01T10:00:00.000Z'
 */
export function heldCursor(q: {
  next: string | null;
  previous: string | null;
  waiting: readonly (Date | null | undefined)[];
}): string | null {
  if (q.waiting.length === 0) return q.next;
  if (q.waiting.some((d) => !d || Number.isNaN(d.getTime()))) return q.previous;
  const earliest = new Date(Math.min(...q.waiting.map((d) => d!.getTime()))).toISOString();
  const previous = isoInstant(q.previous);
  if (previous !== null && earliest < previous) return previous;
  const next = isoInstant(q.next);
  return next !== null && next < earliest ? next : earliest;
}
