import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@stockwise/db/database';
import { openPgliteDatabase } from '@stockwise/db/pglite-database';

/** Counts turns of the event loop (one per check phase) until stopped. */
function turnCounter() {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    get turns() {
      return turns;
    },
    stop() {
      running = false;
    },
  };
}

describe('the embedded database shares the event loop (issue 15)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPgliteDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('starts each statement queued behind a transaction on a turn of its own, first come first served', async () => {
    const counter = turnCounter();
    const finished: { n: number; turn: number }[] = [];
    const tx = db.transaction(async (sql) => {
      await sql.query('SELECT 1');
      await sql.query('SELECT 2');
    });
    const queued = Array.from({ length: 20 }, (_, n) =>
      db.query('SELECT $1::int AS n', [n]).then(() => {
        finished.push({ n, turn: counter.turns });
      }),
    );
    await Promise.all([tx, ...queued]);
    counter.stop();
    expect(finished.map((f) => f.n)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    // PGlite's own lock ran all twenty in the turn the transaction ended.
    expect(new Set(finished.map((f) => f.turn)).size).toBe(20);
  });

  it('gives way while a server accepts a burst of connections, one per turn', async () => {
    const server = new EventEmitter();
    db.favourNewConnections?.(server);
    const counter = turnCounter();
    let burst = 30;
    const accept = () => {
      server.emit('connection');
      if (--burst > 0) setImmediate(accept);
    };
    setImmediate(accept);
    await db.query('SELECT 1');
    const ranAt = counter.turns;
    counter.stop();
    expect(burst).toBe(0);
    expect(ranAt).toBeGreaterThanOrEqual(30);
  });

  it('runs the statement after at most about 100 ms of a connection on every turn', async () => {
    const server = new EventEmitter();
    db.favourNewConnections?.(server);
    let accepting = true;
    const accept = () => {
      server.emit('connection');
      if (accepting) setImmediate(accept);
    };
    setImmediate(accept);
    const started = performance.now();
    await db.query('SELECT 1');
    const waited = performance.now() - started;
    accepting = false;
    expect(waited).toBeGreaterThanOrEqual(90);
    // Generous for a loaded machine: the bound is what matters, not its precision.
    expect(waited).toBeLessThan(2000);
  });
});
