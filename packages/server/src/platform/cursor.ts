import type { Database, Sql } from '@stockwise/db/database';
import type { Transactor } from './transactor';

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
 * The rows of statements over the same rows in the same order (the parts of one report), `size` at a
 * time through server-side cursors, side by side: a whole report is set-based SQL, and the process holds
 * one page of it at a time however many rows it returns.
 * - PostgreSQL: each statement in its own transaction on its own pooled connection, held until the last
 *   page is read or the reader stops — in parallel (a cursor's plan runs on one core) and all from one
 *   snapshot (pg_export_snapshot), so that their rows line up one for one.
 * - PGlite, one connection for the whole process: WITH HOLD cursors (materialised when declared), so that
 *   other statements run between the pages instead of waiting for the reader.
 * - Inside the caller's transaction, the cursors live in it.
 * Each page holds the same number of rows from every statement (a mismatch throws). `setup` runs first in
 * each statement's transaction (settings such as useReportSettings).
 */
export async function* alignedCursorPages(
  tx: Transactor,
  statements: readonly { text: string; params: readonly unknown[] }[],
  options: { size: number; setup?: (sql: Sql) => Promise<void> },
): AsyncGenerator<Record<string, unknown>[][]> {
  const names = statements.map(() => `sw_cursor_${String(++cursors)}`);
  const size = Math.max(1, Math.floor(options.size));
  const setup = async (sql: Sql) => {
    await sql.query(`SELECT set_config('cursor_tuple_fraction', '1', true)`);
    await options.setup?.(sql);
  };
  async function* pages(sqls: Sql[]): AsyncGenerator<Record<string, unknown>[][]> {
    const fetch = () =>
      Promise.all(
        names.map((name, i) =>
          sqls[i]!.query<Record<string, unknown>>(`FETCH FORWARD ${String(size)} FROM ${name}`),
        ),
      );
    // The next page is on its way while the reader works on this one.
    let next = fetch();
    try {
      for (;;) {
        const got = await next;
        const n = got[0]!.length;
        if (got.some((rows) => rows.length !== n))
          throw new Error('report statements returned different numbers of rows');
        if (n < size) {
          if (n > 0) yield got;
          return;
        }
        next = fetch();
        yield got;
      }
    } finally {
      next.catch(() => undefined);
    }
  }
  const outer = tx.sql;
  if (outer !== tx.db || tx.db.kind === 'pglite') {
    // One connection: the cursors are declared together (in the caller's transaction, or WITH HOLD).
    const hold = outer === tx.db;
    const declare = async (sql: Sql) => {
      await setup(sql);
      for (const [i, s] of statements.entries())
        await sql.query(
          `DECLARE ${names[i]!} NO SCROLL CURSOR ${hold ? 'WITH HOLD ' : ''}FOR ${s.text}`,
          s.params,
        );
    };
    if (hold) await tx.db.transaction(declare);
    else await declare(outer);
    try {
      yield* pages(names.map(() => outer));
    } finally {
      for (const name of names) await outer.query(`CLOSE ${name}`).catch(() => undefined);
    }
    return;
  }
  const held: { sql: Sql; end: (error?: unknown) => Promise<void> }[] = [];
  let failure: unknown;
  try {
    let snapshot = '';
    for (const [i, s] of statements.entries()) {
      const h = await holdTransaction(tx.db);
      held.push(h);
      await h.sql.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      if (i === 0)
        [{ id: snapshot }] = (await h.sql.query<{ id: string }>('SELECT pg_export_snapshot() AS id')) as [
          { id: string },
        ];
      else await h.sql.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/[^0-9A-Za-z-]/g, '')}'`);
      await setup(h.sql);
      await h.sql.query(`DECLARE ${names[i]!} NO SCROLL CURSOR FOR ${s.text}`, s.params);
    }
    yield* pages(held.map((h) => h.sql));
  } catch (error) {
    failure = error ?? new Error('cursor failed');
    throw error;
  } finally {
    for (const h of held.reverse()) await h.end(failure);
  }
}
