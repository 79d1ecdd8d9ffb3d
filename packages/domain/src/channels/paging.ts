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
 * How long an order refused for a curable reason may hold the order cursor, counted from its last update
 * (docs/decisions.md 47). What cures such a refusal comes soon or not at all: an inventory sync at the next
 * sync, a receipt or count the seller books in a weekly routine. A refusal a week old is not waiting for
 * stock on its way but for a record that is missing, and while it holds, every sync reads and replays
 * every order since it (a week of a busy seller's orders is within MAX_PAGES). Past it the order is
 * skipped and reported as an incurable one is, and the cursor moves on; the All Orders report import
 * brings it in once its stock is recorded.
 * @default 7 days
 */
export const HELD_CURSOR_MAX_DAYS = 7;

const DAY_MS = 86_400_000;

/**
 * Whether an order refused for a curable reason still holds the cursor at `now`: its last update (the
 * position it holds), or without one the previous cursor (where it holds it then), is no more than
 * HELD_CURSOR_MAX_DAYS old. Without either (the start of the channel's look-back) it holds nothing.
 *
 * @example holdsCursor({ updatedAt: new Date('2024-05-01T00:00:00Z'), previous: null, now: new Date('2024-05-09T00:00:00Z') }) // false
 */
export function holdsCursor(q: {
  updatedAt: Date | null | undefined;
  previous: string | null;
  now: Date;
}): boolean {
  const at =
    q.updatedAt && !Number.isNaN(q.updatedAt.getTime())
      ? q.updatedAt.getTime()
      : Date.parse(isoInstant(q.previous) ?? '');
  return Number.isFinite(at) && q.now.getTime() - at <= HELD_CURSOR_MAX_DAYS * DAY_MS;
}

/**
 * The order cursor to store after a pull (docs/decisions.md 47): the pull's own, unless orders were
 * refused for a reason a later sync can cure; then no later than the earliest such order's last update
 * (the list is read from it again, and the orders taken in meanwhile replay), and the previous cursor
 * when one of them has no update time. Never before the previous cursor. An order that no longer holds
 * the cursor at `now` (holdsCursor: refused for longer than HELD_CURSOR_MAX_DAYS) is left out.
 *
 * @example heldCursor({ next: '2024-05-03T00:00:00.000Z', previous: null, waiting: [new Date('2024-05-01T10:00:00Z')], now: new Date('2024-05-03T00:00:00Z') }) // '2024-05-01T10:00:00.000Z'
 */
export function heldCursor(q: {
  next: string | null;
  previous: string | null;
  waiting: readonly (Date | null | undefined)[];
  now: Date;
}): string | null {
  const waiting = q.waiting.filter((updatedAt) =>
    holdsCursor({ updatedAt, previous: q.previous, now: q.now }),
  );
  if (waiting.length === 0) return q.next;
  if (waiting.some((d) => !d || Number.isNaN(d.getTime()))) return q.previous;
  const earliest = new Date(Math.min(...waiting.map((d) => d!.getTime()))).toISOString();
  const previous = isoInstant(q.previous);
  if (previous !== null && earliest < previous) return previous;
  const next = isoInstant(q.next);
  return next !== null && next < earliest ? next : earliest;
}
