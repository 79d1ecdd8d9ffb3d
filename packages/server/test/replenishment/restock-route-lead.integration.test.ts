import { bulkInsertPurchaseOrders } from '@stockwise/db/replenishment/purchase-orders.repository';
import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { restockItems, seedHistory } from './sales-history';
import { plannedProduct } from '../support/factories';
import { useOwnerApi } from '../support/owner-api';
import { idOf, preferredSupplier, receivedOrder, STATED_20_DAYS } from '../support/restock-setup';

interface RouteItem {
  location: string;
  leadTimeDays: number;
  reasoning: { leadTimeSource: string };
}

describeEachBackend('Restock: lead time per supplier × route', (backend) => {
  const t = useOwnerApi(backend);

  beforeAll(async () => {
    for (const code of ['WH1', 'WH2', 'WH3'])
      expect((await t.api.post('/api/v1/locations', { code, name: code, type: 'warehouse' })).status).toBe(
        201,
      );
    await t.api.post('/api/v1/products', plannedProduct('ROUTE-1', { title: 'Route' }));
    await preferredSupplier(t, { code: 'ROUTE', name: 'Route', leadTime: STATED_20_DAYS }, 'ROUTE-1');
    for (const location of ['WH1', 'WH2', 'WH3'])
      await seedHistory(t.sw, t.owner, { sku: 'ROUTE-1', location, received: 120, perDay: 2 });
    const supplierId = await idOf(t, 'suppliers', 'ROUTE');
    const productId = await idOf(t, 'products', 'ROUTE-1', 'sku');
    // Three orders to WH2 took 40 days, one to WH1 took 20; none went to WH3.
    const order = async (n: number, location: string, days: number) =>
      receivedOrder({ supplierId, productId, locationId: await idOf(t, 'locations', location) }, `RT-${n}`, {
        sentOffset: -100 - n,
        days,
      });
    await bulkInsertPurchaseOrders(t.sw.db, t.owner.actor.accountId, [
      await order(1, 'WH2', 40),
      await order(2, 'WH2', 40),
      await order(3, 'WH2', 40),
      await order(4, 'WH1', 20),
    ]);
  }, 120_000);

  it("learns each route's lead time from its receipts, else the supplier's, and says which", async () => {
    const items = await restockItems<RouteItem>(t.api);
    const at = (code: string) => items.find((i) => i.location === code)!;
    // WH2: (3·40 + 3·20) / 6 = 30 days from its own 3 receipts.
    expect(at('WH2').leadTimeDays).toBe(30);
    expect(at('WH2').reasoning.leadTimeSource).toBe('blended from 3 receipts to WH2 (stated 20)');
    // WH1: (20 + 3·20) / 4 = 20.
    expect(at('WH1').leadTimeDays).toBe(20);
    expect(at('WH1').reasoning.leadTimeSource).toBe('blended from 1 receipts to WH1 (stated 20)');
    // WH3 has no receipts: the supplier's over all routes, (4·35 + 3·20) / 7 = 28.6 → 29.
    expect(at('WH3').leadTimeDays).toBe(29);
    expect(at('WH3').reasoning.leadTimeSource).toBe('blended from 4 receipts (all routes) (stated 20)');
  });
});
