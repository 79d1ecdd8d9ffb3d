/**
 * One SQL dialect (PostgreSQL 15 subset) over two drivers: embedded PGlite and a PostgreSQL server.
 * Repositories only ever see `Sql` (a query function); services open transactions through `Database`.
 */
export interface QueryOptions {
  /**
   * Hot-path statements: PostgreSQL parses and plans them once per connection and reuses the plan
   * (a named prepared statement). Only for fixed SQL text; PGlite ignores it.
   */
  prepare?: boolean;
}

export interface Sql {
  query<Row extends object>(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<Row[]>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; a thrown error rolls everything back. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * The embedded database's whole data folder as one consistent gzip tarball (PGlite serialises every
   * statement, so nothing changes while it is written); undefined on PostgreSQL (`pg_dump` does that).
   */
  snapshot?: () => Promise<Blob>;
  /**
   * The embedded database runs on the event loop: its statements give way while `server` is taking in
   * a burst of new connections (Node accepts one per turn of the loop). Undefined on PostgreSQL.
   */
  favourNewConnections?: (server: ConnectionSource) => void;
}

/** What favourNewConnections needs of an HTTP or TCP server. */
export interface ConnectionSource {
  on(event: 'connection', listener: () => void): unknown;
}

/** Type OIDs whose text form we parse ourselves so both drivers return the same JS values. */
export const TYPE_OID = { int8: 20, numeric: 1700, date: 1082 } as const;

/** bigint ids and numeric amounts become JS numbers (ids stay far below 2^53); dates stay 'YYYY-MM-DD'. */
export const valueParsers: Record<number, (text: string) => unknown> = {
  [TYPE_OID.int8]: (text) => Number(text),
  [TYPE_OID.numeric]: (text) => Number(text),
  [TYPE_OID.date]: (text) => text,
};

/**
 * True when the statement gave back a row: an existence check (`SELECT 1 …`), or a write that matched or
 * inserted one (`… RETURNING`, `ON CONFLICT DO NOTHING RETURNING`).
 */
export async function anyRow(sql: Sql, text: string, params: readonly unknown[] = []): Promise<boolean> {
  const rows = await sql.query(text, params);
  return rows.length > 0;
}

/**
 * The statement's first row through `map`, or undefined when it gave back none: a lookup by key, or a write
 * `… RETURNING` that matched or inserted nothing.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- Row is the caller's word on the statement's rows, as in Sql.query
export async function firstRow<Row extends object, T>(
  sql: Sql,
  text: string,
  params: readonly unknown[],
  map: (row: Row) => T,
): Promise<T | undefined> {
  const [row] = await sql.query<Row>(text, params);
  return row === undefined ? undefined : map(row);
}

/** An account's row of `key.table` whose `key.column` (trusted identifiers) holds `key.value`, through `map`. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- Row is the caller's word on the table's rows, as in Sql.query
export async function accountRow<Row extends object, T>(
  sql: Sql,
  accountId: number,
  key: { table: string; column: string; value: unknown },
  map: (row: Row) => T,
): Promise<T | undefined> {
  const text = `SELECT * FROM ${key.table} WHERE account_id = $1 AND ${key.column} = $2`;
  return firstRow(sql, text, [accountId, key.value], map);
}

/**
 * An account's rows of `key.table` whose `key.column` (trusted identifiers) holds one of `key.values`, through
 * `map` (`key.arrayType`: the values' SQL array type where the column is not text, e.g. `bigint[]`; `key.prepare`
 * as in `QueryOptions`).
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- Row is the caller's word on the table's rows, as in Sql.query
export async function accountRowsIn<Row extends object, T>(
  sql: Sql,
  accountId: number,
  key: { table: string; column: string; values: readonly unknown[]; arrayType?: string; prepare?: boolean },
  map: (row: Row) => T,
): Promise<T[]> {
  const values = key.arrayType ? `$2::${key.arrayType}` : '$2';
  const text = `SELECT * FROM ${key.table} WHERE account_id = $1 AND ${key.column} = ANY(${values})`;
  const rows = await sql.query<Row>(
    text,
    [accountId, key.values],
    key.prepare ? { prepare: true } : undefined,
  );
  return rows.map(map);
}

/**
 * The row a statement always gives back (an `INSERT … RETURNING`, `SELECT now()`) through `map`; none is a
 * fault of the statement, not of the input, and throws.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- Row is the caller's word on the statement's rows, as in Sql.query
export async function onlyRow<Row extends object, T>(
  sql: Sql,
  text: string,
  params: readonly unknown[],
  map: (row: Row) => T,
): Promise<T> {
  const [row] = await sql.query<Row>(text, params);
  if (row === undefined) throw new Error(`the statement gave back no row: ${text.slice(0, 80)}`);
  return map(row);
}
