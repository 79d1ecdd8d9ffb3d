import { expect, it } from 'vitest';
import type { Sql } from '@stockwise/db/database';
import { refreshStatistics } from '../../src/platform/statistics';
import type { Stockwise } from '../../src/stockwise';
import { describeEachBackend, useStockwise } from '../support/backends';
import { locationInput, newAccount, productInput } from '../support/factories';

/** Polls `check` until it holds (the statistics collector flushes its counts at most once a second). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** Pages of the ledger the visibility map marks all-visible (what lets an index-only scan skip the heap). */
async function allVisiblePages(sql: Sql): Promise<number> {
  const rows = await sql.query<{ pages: number }>(
    "SELECT relallvisible::int AS pages FROM pg_class WHERE relname = 'stock_movements'",
  );
  return rows[0]?.pages ?? 0;
}

/** A fresh account with one SKU at one location, statistics refreshed first; posts `n` one-unit receipts. */
async function ledgerOfOneSku(sw: Stockwise) {
  await refreshStatistics(sw.db);
  const { actor } = await newAccount(sw);
  const location = locationInput();
  await sw.locations.createLocation(actor, location);
  const sku = productInput().sku;
  await sw.catalog.createProduct(actor, productInput({ sku }));
  return (n: number) =>
    sw.ledger.post(
      actor,
      Array.from({ length: n }, () => ({
        sku,
        location: location.code,
        request: { type: 'receipt' as const, quantity: 1, unitCost: 2 },
      })),
    );
}

/**
 * Planner statistics and visibility maps on PGlite, which has no autovacuum: the worker's check ANALYZEs
 * a table once its changes pass autoanalyze's threshold, VACUUMs it once its inserts pass autovacuum's,
 * and leaves it alone until it changes again.
 */
describeEachBackend('Planner statistics', (backend) => {
  const ctx = useStockwise(backend);

  it.runIf(backend.name === 'pglite')(
    'analyses the ledger after a bulk write, then nothing until it changes',
    async () => {
      const sw = ctx.sw;
      const receive = await ledgerOfOneSku(sw);
      await receive(300);
      let analysed: string[] = [];
      expect(
        await eventually(async () => {
          analysed = [...analysed, ...(await refreshStatistics(sw.db))];
          return analysed.includes('stock_movements');
        }),
      ).toBe(true);
      const rows = await sw.db.query<{ reltuples: number }>(
        "SELECT reltuples::int AS reltuples FROM pg_class WHERE relname = 'stock_movements'",
      );
      expect(rows[0]?.reltuples).toBeGreaterThanOrEqual(300);
      expect(await refreshStatistics(sw.db)).not.toContain('stock_movements');
    },
  );

  it.runIf(backend.name === 'pglite')(
    'vacuums the ledger once its inserts pass autovacuum’s threshold, so its pages are all-visible',
    async () => {
      const sw = ctx.sw;
      const receive = await ledgerOfOneSku(sw);
      // below autovacuum's insert threshold (1,000 rows + 20 %): analysed, not vacuumed
      await receive(300);
      expect(await eventually(async () => (await refreshStatistics(sw.db)).includes('stock_movements'))).toBe(
        true,
      );
      const before = await allVisiblePages(sw.db);
      // past it: vacuumed, and the pages written since are marked all-visible
      await receive(1500);
      expect(await eventually(async () => (await refreshStatistics(sw.db)).includes('stock_movements'))).toBe(
        true,
      );
      expect(await allVisiblePages(sw.db)).toBeGreaterThan(before);
      const [stats] = await sw.db.query<{ vacuums: number }>(
        "SELECT vacuum_count::int AS vacuums FROM pg_stat_user_tables WHERE relname = 'stock_movements'",
      );
      expect(stats?.vacuums).toBeGreaterThanOrEqual(1);
    },
  );
});
