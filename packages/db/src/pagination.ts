import type { Sql } from './database';
import { Conditions } from './sql-conditions';

/** Keyset pagination: the cursor carries the last row's sort value and id, so pages never skip or repeat. */
export interface PageRequest<SortKey extends string> {
  limit: number;
  cursor?: string | undefined;
  sort: SortKey;
  order: 'asc' | 'desc';
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface CursorValue {
  v: string | number | null;
  id: number;
}

export function encodeCursor(value: CursorValue): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Returns null for a malformed cursor; the caller reports it as a bad `cursor` parameter. */
export function decodeCursor(cursor: string): CursorValue | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { v, id } = parsed as Record<string, unknown>;
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) return null;
    if (v !== null && typeof v !== 'string' && typeof v !== 'number') return null;
    return { v, id };
  } catch {
    return null;
  }
}

/**
 * Builds the ORDER BY / keyset WHERE fragment for `column` (a trusted identifier from a fixed map)
 * with parameters appended to `params`.
 */
export function keyset(
  column: string,
  request: { cursor?: string | undefined; order: 'asc' | 'desc'; idColumn?: string },
  params: unknown[],
): { where: string; orderBy: string } | null {
  const idColumn = request.idColumn ?? 'id';
  const dir = request.order === 'asc' ? 'ASC' : 'DESC';
  const cmp = request.order === 'asc' ? '>' : '<';
  const orderBy = `ORDER BY ${column} ${dir}, ${idColumn} ${dir}`;
  if (!request.cursor) return { where: 'TRUE', orderBy };
  const cursor = decodeCursor(request.cursor);
  if (!cursor) return null;
  params.push(cursor.v, cursor.id);
  const v = `$${params.length - 1}`;
  const id = `$${params.length}`;
  return { where: `(${column}, ${idColumn}) ${cmp} (${v}, ${id}::bigint)`, orderBy };
}

export function toPage<Row extends { id: number }, T>(
  rows: Row[],
  request: { limit: number; sortValue: (row: Row) => string | number | null },
  map: (row: Row) => T,
): Page<T> {
  const hasMore = rows.length > request.limit;
  const pageRows = hasMore ? rows.slice(0, request.limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(map),
    nextCursor: hasMore && last ? encodeCursor({ v: request.sortValue(last), id: last.id }) : null,
  };
}

/** The cursor value of a row's sort column (dates travel as ISO strings). */
export function rowSortValue(row: object, column: string): string | number | null {
  const value: unknown = (row as Record<string, unknown>)[column];
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

/**
 * Rows a whole-account read returns per statement. On the embedded database a statement and the
 * parsing of its rows run on the event loop in one stretch, so a 100,000-row read held every request
 * for seconds; a page of products (about 0.2 ms a row to parse at load 6) takes some tens of
 * milliseconds, and requests run in between (docs/decisions.md §20, §23).
 */
export const READ_PAGE = 250;

/**
 * Every row of a keyset-paged read: `page(after)` returns up to READ_PAGE rows following the row
 * `after` (the first page for undefined), in the order its keyset follows; pages are read until one
 * comes back short. Each page is its own statement, so a read that overlaps a write may see the write
 * in its later pages only — callers key what they derive by a version read before (as the planning
 * cache does), which makes such an answer look older than it is, never newer.
 */
export async function readAllPages<T>(page: (after: T | undefined) => Promise<T[]>): Promise<T[]> {
  const all: T[] = [];
  let after: T | undefined;
  for (;;) {
    const rows = await page(after);
    for (const row of rows) all.push(row);
    if (rows.length < READ_PAGE) return all;
    after = rows[rows.length - 1];
  }
}

/** A page's LIMIT, its parameter appended to `params`: one row more than the page shows tells whether more follow. */
export function pageLimit(params: unknown[], limit: number): string {
  params.push(limit + 1);
  return `LIMIT $${params.length}`;
}

/** Which rows of which table a keyset page reads, and in what order. */
export interface TablePageRequest {
  table: string;
  /** The sort column, a trusted identifier from a fixed map; id breaks ties. */
  column: string;
  limit: number;
  cursor?: string | undefined;
  order: 'asc' | 'desc';
  /** Adds the request's own conditions (filters) to the account's. */
  filter?: (conditions: Conditions) => void;
}

/** One keyset page of an account's rows of `q.table` (every column) through `map`; null for a malformed cursor. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- Row is the caller's word on the table's rows, as in Sql.query
export async function tablePage<Row extends { id: number }, T>(
  sql: Sql,
  accountId: number,
  q: TablePageRequest,
  map: (row: Row) => T,
): Promise<Page<T> | null> {
  const params: unknown[] = [accountId];
  const page = keyset(q.column, q, params);
  if (!page) return null;
  const filters = new Conditions(params);
  q.filter?.(filters);
  const rows = await sql.query<Row>(
    `SELECT * FROM ${q.table} WHERE account_id = $1 AND ${page.where}${filters.and()} ${page.orderBy}
     ${pageLimit(params, q.limit)}`,
    params,
  );
  return toPage(rows, { limit: q.limit, sortValue: (r) => rowSortValue(r, q.column) }, map);
}
