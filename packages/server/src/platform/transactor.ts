import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Sql } from '@stockwise/db/database';

/**
 * A unit of work: services call `run()`; inside an outer `run()` (e.g. an HTTP request carrying an
 * Idempotency-Key) they join the same transaction instead of opening their own, so the write and its
 * stored response commit together or not at all.
 */
export class Transactor {
  private readonly current = new AsyncLocalStorage<Sql>();

  constructor(readonly db: Database) {}

  run<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    const outer = this.current.getStore();
    if (outer) return fn(outer);
    return this.db.transaction((tx) => this.current.run(tx, () => fn(tx)));
  }

  /** Whether the caller runs inside a unit of work already. */
  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  /** For reads: the open transaction if any, else the pool. */
  get sql(): Sql {
    return this.current.getStore() ?? this.db;
  }
}
