import { expect, it } from 'vitest';
import { refreshStatistics } from '../../src/platform/statistics';
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

/**
 * Planner statistics on PGlite, which has no autoanalyze: the worker's check ANALYZEs a table once its
 * changes pass autoanalyze's threshold, and leaves it alone until it changes again.
 */
describeEachBackend('Planner statistics', (backend) => {
  const ctx = useStockwise(backend);

  it.runIf(backend.name === 'pglite')(
    'analyses the ledger after a bulk write, then nothing until it changes',
    async () => {
      const sw = ctx.sw;
      await refreshStatistics(sw.db);
      const { actor } = await newAccount(sw);
      const location = locationInput();
      await sw.locations.createLocation(actor, location);
      const sku = productInput().sku;
      await sw.catalog.createProduct(actor, productInput({ sku }));
      await sw.ledger.post(
        actor,
        Array.from({ length: 300 }, () => ({
          sku,
          location: location.code,
          request: { type: 'receipt' as const, quantity: 1, unitCost: 2 },
        })),
      );
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
});
