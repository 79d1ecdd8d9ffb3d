import type { Database, Sql } from '@stockwise/db/database';
import type { Transactor } from '../services/transactor';

let cursors = 0;

/** A transaction held open until `end` is called (its callback waits for it). */
function holdTransaction(db: Database): Promise<{ sql: Sql; end: (error?: unknown) => Promise<void> }> {
  return new Promise((resolve, reject) => {
    let finish: (error?: unknown) => void = () => undefined;
    const ended = new Promise<void>((done, fail) => {
      finish = (error) => {
        if (error === undefined) done();
        else fail(error instanceof Error ? error : new Error('the cursor failed'));
      };
    });
    let opened = false;
    const transaction = db.transaction(async (sql) => {
      opened = true;
      resolve({
        sql,
        end: async (error) => {
          finish(error);
          await transaction.catch(() => undefined);
        },
      });
      await ended;
    });
    transaction.catch((error: unknown) => {
      if (!opened) reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}

/**
 * The rows of one statement, `size` at a time, through a server-side cursor: a whole report is one
 * set-based statement, and the process holds one page of it at a time however many rows it returns.
 * - Inside the caller's transaction, the cursor lives in it.
 * - PostgreSQL: the statement's own transaction on one pooled connection, held until the last page is
 *   read or the reader stops (other statements use the pool's other connections meanwhile).
 * - PGlite, one connection for the whole process: a WITH HOLD cursor (its rows are materialised when it
 *   is declared), so that other statements run between the pages instead of waiting for the reader.
 * `setup` runs first, in the statement's transaction (settings such as useReportSettings).
 */
export async function* cursorPages<Row extends object>(
  tx: Transactor,
  statement: { text: string; params: readonly unknown[] },
  options: { size: number; setup?: (sql: Sql) => Promise<void> },
): AsyncGenerator<Row[]> {
  const name = `sw_cursor_${String(++cursors)}`;
  const size = Math.max(1, Math.floor(options.size));
  // Every row is read: plan for all of them (a cursor is otherwise planned for its first 10%).
  const setup = async (sql: Sql) => {
    await sql.query(`SELECT set_config('cursor_tuple_fraction', '1', true)`);
    await options.setup?.(sql);
  };
  async function* pages(sql: Sql): AsyncGenerator<Row[]> {
    for (;;) {
      const rows = await sql.query<Row>(`FETCH FORWARD ${String(size)} FROM ${name}`);
      if (rows.length > 0) yield rows;
      if (rows.length < size) return;
    }
  }
  const outer = tx.sql;
  if (outer !== tx.db) {
    await setup(outer);
    await outer.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${statement.text}`, statement.params);
    try {
      yield* pages(outer);
    } finally {
      await outer.query(`CLOSE ${name}`).catch(() => undefined);
    }
    return;
  }
  if (tx.db.kind === 'pglite') {
    await tx.db.transaction(async (sql) => {
      await setup(sql);
      await sql.query(`DECLARE ${name} NO SCROLL CURSOR WITH HOLD FOR ${statement.text}`, statement.params);
    });
    try {
      yield* pages(tx.db);
    } finally {
      await tx.db.query(`CLOSE ${name}`).catch(() => undefined);
    }
    return;
  }
  const held = await holdTransaction(tx.db);
  let failure: unknown;
  try {
    await setup(held.sql);
    await held.sql.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${statement.text}`, statement.params);
    yield* pages(held.sql);
  } catch (error) {
    failure = error ?? new Error('cursor failed');
    throw error;
  } finally {
    await held.end(failure);
  }
}
