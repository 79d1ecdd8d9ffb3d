import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { gate } from '../support/gate';
import { seedLocations, WAREHOUSE } from '../support/seed';
import { importTaken, uploadImport } from '../support/uploads';

const N = 20;
const SKUS = Array.from({ length: N }, (_, i) => `CC-${String(i).padStart(3, '0')}`);
const countFile = (quantity: number) =>
  `${['sku,location,quantity', ...SKUS.map((sku) => `${sku},WH,${String(quantity)}`)].join('\n')}\n`;

// Two connections at once: PGlite has one, so only PostgreSQL can race (backends.ts warns when it is absent).
const postgres = BACKENDS.filter((b) => b.name === 'postgres');
describe.skipIf(postgres.length === 0)('Concurrent stock counts of the same SKUs [postgres]', () => {
  const t = useOwnerApi(postgres[0] ?? BACKENDS[0]!);

  it('each count adjusts from the on hand the other left: the last count wins, the ledger balances', async () => {
    await seedLocations(t.api, WAREHOUSE);
    const products = ['sku,title', ...SKUS.map((sku) => `${sku},Counted ${sku}`)].join('\n');
    await importTaken(t.api, 'products', `${products}\n`);
    await importTaken(t.api, 'stock', countFile(10));

    // Another writer holds every balance row while both counts start: each reaches the point where it
    // reads on hand before either can write, the race a busy server runs into by chance.
    const held = gate();
    const locked = gate();
    const blocker = t.sw.db.transaction(async (sql) => {
      await sql.query('SELECT 1 FROM stock_balances WHERE account_id = $1 FOR UPDATE', [
        t.owner.actor.accountId,
      ]);
      locked.open();
      await held.promise;
    });
    await locked.promise;
    const counts = [uploadImport(t.api, 'stock', countFile(3)), uploadImport(t.api, 'stock', countFile(7))];
    await new Promise((resolve) => setTimeout(resolve, 1500));
    held.open();
    await blocker;
    expect((await Promise.all(counts)).map((res) => res.status)).toEqual([201, 201]);

    const rows = await t.sw.db.query<{ sku: string; on_hand: number; deltas: number[] }>(
      `SELECT p.sku, b.on_hand,
         array_agg(m.on_hand_delta ORDER BY m.id) FILTER (WHERE m.reason = 'count') AS deltas
       FROM stock_balances b JOIN products p ON p.id = b.product_id
       JOIN stock_movements m ON m.product_id = b.product_id AND m.location_id = b.location_id
       WHERE b.account_id = $1 GROUP BY p.sku, b.on_hand ORDER BY p.sku`,
      [t.owner.actor.accountId],
    );
    expect(rows).toHaveLength(N);
    for (const row of rows) {
      // Counted 10, then 3 and 7 in either order: each count's delta starts from the other's result, so on hand
      // ends at the later one (read stale, both would adjust from 10 and leave 10 − 7 − 3 = 0).
      const [initial, first, second] = row.deltas;
      expect(initial).toBe(10);
      const between = 10 + first!;
      expect([3, 7]).toContain(between);
      expect(between + second!).toBe(row.on_hand);
      expect([3, 7].filter((n) => n !== between)).toEqual([row.on_hand]);
    }
    expect(await t.sw.inventory.findImbalances(t.owner.actor)).toEqual([]);
  });
});
