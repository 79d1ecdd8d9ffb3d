import { bulkInsertPurchaseOrders } from '@stockwise/db/replenishment/purchase-orders.repository';
import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { dateAt } from '../support/days';
import { observedLeadTimesByRoute } from '../../src/replenishment/suppliers.service';
import { restockItems, seedHistory } from './sales-history';
import { plannedProduct } from '../support/factories';
import { useOwnerApi } from '../support/owner-api';
import { seedLocations } from '../support/seed';
import { idOf, preferredSupplier, receivedOrder, STATED_20_DAYS } from '../support/restock-setup';

interface Item {
  sku: string;
  leadTimeDays: number;
  orderUpTo: number;
  safetyStock: number;
  reasoning: {
    summary: string;
    leadTimeReceipts: { receipts: number; minDays: number; maxDays: number } | null;
  };
}

describeEachBackend("Restock: planned on the supplier's receipts", (backend) => {
  const t = useOwnerApi(backend);

  beforeAll(async () => {
    await seedLocations(t.api, { code: 'WH1', name: 'WH1', type: 'warehouse' });
    // Two SKUs alike (2 a day, $4 from a supplier stating 20 days); one supplier has receipts, one none.
    for (const [sku, supplier] of [
      ['RCPT-1', 'RCPT'],
      ['NONE-1', 'NONE'],
    ] as const) {
      await t.api.post('/api/v1/products', plannedProduct(sku, { title: sku }));
      await preferredSupplier(t, { code: supplier, leadTime: STATED_20_DAYS }, sku);
      await seedHistory(t.sw, t.owner, { sku, location: 'WH1', received: 120, perDay: 2 });
    }
    const ids = {
      supplierId: await idOf(t, 'suppliers', 'RCPT'),
      productId: await idOf(t, 'products', 'RCPT-1', 'sku'),
      locationId: await idOf(t, 'locations', 'WH1'),
    };
    // Ten received orders: five took 10 days, five 30 (with the stated 20 as three receipts, mean 20).
    await bulkInsertPurchaseOrders(
      t.sw.db,
      t.owner.actor.accountId,
      Array.from({ length: 10 }, (_, n) =>
        receivedOrder(ids, `RC-${n}`, { sentOffset: -200 - n * 5, days: n % 2 === 0 ? 10 : 30 }),
      ),
    );
  }, 120_000);

  it('mixes over the lead times that came: same mean, a wider stock for the 30-day receipts', async () => {
    const items = await restockItems<Item>(t.api);
    const at = (sku: string) => items.find((i) => i.sku === sku)!;
    const learned = at('RCPT-1');
    const stated = at('NONE-1');
    // Both average 20 days: (5·10 + 5·30 + 3·20) / 13 = 20 and the stated 20.
    expect(learned.leadTimeDays).toBe(20);
    expect(stated.leadTimeDays).toBe(20);
    expect(learned.reasoning.leadTimeReceipts).toEqual({ receipts: 10, minDays: 10, maxDays: 30 });
    expect(learned.reasoning.summary).toContain('10–30 in 10 receipts');
    expect(stated.reasoning.leadTimeReceipts).toBe(null);
    // The stated lead time plans on its default spread of 3 days (said as an assumption); the receipts'
    // 10 and 30 days ask more safety stock (both order-up-to levels meet the 90-day cap here).
    expect(stated.reasoning.summary).toContain('no lead-time spread');
    expect(learned.reasoning.summary).not.toContain('no lead-time spread');
    expect(learned.safetyStock).toBeGreaterThan(stated.safetyStock);
  });

  it('as of a past day learns only from the receipts that had come by then', async () => {
    // By 220 days ago two orders had come, both in 10 days: too few for the distribution, blended with
    // the stated 20 (counted as three receipts): (2·10 + 3·20) / 5 = 16.
    const leadDays = await observedLeadTimesByRoute(t.sw.db, t.owner.actor.accountId, { asOf: dateAt(-220) });
    expect([...leadDays.bySupplier.values()]).toEqual([[10, 10]]);
    const item = (await restockItems<Item>(t.api, `?asOf=${dateAt(-220)}`)).find((i) => i.sku === 'RCPT-1');
    expect(item?.reasoning.leadTimeReceipts).toBe(null);
    expect(item?.leadTimeDays).toBe(16);
  });
});
