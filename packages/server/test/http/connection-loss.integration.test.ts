import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase } from '@stockwise/db/postgres-database';
import { TEST_DATABASE_URL } from '../support/backends';
import { freePort, ownerArgs, startServe, stockwiseCli } from '../support/stockwise-process';

const reachable = await openPostgresDatabase(TEST_DATABASE_URL, { max: 1 })
  .query('SELECT 1')
  .then(
    () => true,
    () => false,
  );
if (!reachable) {
  if (process.env['CI'])
    throw new Error(`PostgreSQL is required in CI but ${TEST_DATABASE_URL} is not reachable`);
  console.warn(
    `\n*** PostgreSQL at ${TEST_DATABASE_URL} is not reachable: the connection-loss test is SKIPPED. ***\n`,
  );
}

const REQUESTS = 600;
const PARALLEL = 24;

/** Kills every other session of `database` (what a failover, a restart or an operator does). */
async function killBackends(database: string): Promise<number> {
  const admin = openPostgresDatabase(TEST_DATABASE_URL, { max: 1 });
  try {
    const rows = await admin.query<{ killed: boolean }>(
      'SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    return rows.filter((r) => r.killed).length;
  } finally {
    await admin.close();
  }
}

/**
 * The server on PostgreSQL loses its connections mid-burst (pg_terminate_backend): requests caught in
 * the cut fail cleanly with 503 + Retry-After, the process keeps serving, and no acknowledged write is
 * lost or invented.
 */
describe.skipIf(!reachable)('PostgreSQL connections cut mid-burst', () => {
  const database = `sw_test_cut_${randomBytes(5).toString('hex')}`;
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${database}`;
  const env = { DATABASE_URL: url.toString() };
  let server: ChildProcess | undefined;
  let base = '';
  let token = '';

  beforeAll(async () => {
    const admin = openPostgresDatabase(TEST_DATABASE_URL, { max: 1 });
    await admin.exec(`CREATE DATABASE ${database}`);
    await admin.close();
    const cli = (args: string[]) => stockwiseCli(args, env, { timeoutMs: 120_000 });
    await cli(['migrate', '--json']);
    await cli(ownerArgs({ account: 'Cut Seller', email: 'cut@example.com', password: 'cut password 1' }));
    token = (await cli(['token', 'create', '--email', 'cut@example.com'])).trim();
    const port = await freePort();
    server = await startServe({ port, env });
    base = `http://127.0.0.1:${port}`;
  }, 180_000);

  afterAll(async () => {
    server?.kill('SIGKILL');
    const admin = openPostgresDatabase(TEST_DATABASE_URL, { max: 1 });
    await admin.exec(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.close();
  });

  const createProduct = (sku: string) =>
    fetch(`${base}/api/v1/products`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ sku, title: `Cut ${sku}` }),
    });

  it(`${REQUESTS} writes with every backend killed three times: 201 or 503, the server lives, nothing lost`, async () => {
    let exited = false;
    server?.once('exit', () => {
      exited = true;
    });
    const created: string[] = [];
    const unavailable: Response[] = [];
    const other: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < REQUESTS) {
        const sku = `CUT-${String(next++).padStart(4, '0')}`;
        const res = await createProduct(sku);
        if (res.status === 201) created.push(sku);
        else if (res.status === 503) unavailable.push(res);
        else other.push(res.status);
        await res.arrayBuffer();
      }
    };
    let settled = false;
    const burst = Promise.all(Array.from({ length: PARALLEL }, worker)).finally(() => {
      settled = true;
    });
    let killed = 0;
    for (const at of [0.2, 0.45, 0.7]) {
      while (next < REQUESTS * at && !settled) await new Promise((r) => setTimeout(r, 5));
      killed += await killBackends(database);
    }
    await burst;

    expect(killed).toBeGreaterThan(0);
    expect(other).toEqual([]);
    expect(created.length + unavailable.length).toBe(REQUESTS);
    // Killed mid-burst, some requests were caught in the cut (else this test proves nothing).
    expect(unavailable.length).toBeGreaterThan(0);
    expect(exited).toBe(false);
    for (const res of unavailable) {
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    const after = await createProduct('CUT-AFTER');
    expect(after.status).toBe(201);

    const db = openPostgresDatabase(url.toString(), { max: 1 });
    try {
      const rows = await db.query<{ sku: string }>(
        "SELECT sku FROM products WHERE sku LIKE 'CUT-%' ORDER BY sku",
      );
      // Every 201 is stored; a 503 may have committed before the cut only if its COMMIT got through, so
      // the stored set is the acknowledged set plus at most the 503s.
      const stored = new Set(rows.map((r) => r.sku));
      for (const sku of [...created, 'CUT-AFTER']) expect(stored.has(sku)).toBe(true);
      expect(stored.size).toBeLessThanOrEqual(created.length + 1 + unavailable.length);
    } finally {
      await db.close();
    }
  }, 240_000);
});
