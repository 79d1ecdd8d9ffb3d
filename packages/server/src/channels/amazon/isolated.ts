import type { Sql } from '@stockwise/db/database';
import type { Transactor } from '../../platform/transactor';

/**
 * Runs one item of a sync as its own unit of work: its own transaction, or a savepoint when the
 * caller already holds one (a request with Idempotency-Key), so a refused item is undone alone and
 * the others still commit.
 */
export async function isolated<T>(tx: Transactor, fn: (sql: Sql) => Promise<T>): Promise<T> {
  if (!tx.inTransaction) return tx.run(fn);
  const sql = tx.sql;
  // Savepoints of one name nest: RELEASE and ROLLBACK TO address the latest.
  const name = 'sync_item';
  await sql.exec(`SAVEPOINT ${name}`);
  try {
    const value = await fn(sql);
    await sql.exec(`RELEASE SAVEPOINT ${name}`);
    return value;
  } catch (error) {
    await sql.exec(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
}
