import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import type { Item } from '../support/fba-shipments-file';
import { file } from '../support/fba-shipments-file';
import { useOwnerApi } from '../support/owner-api';
import { mugInventory, seedMugAtFba } from '../support/fba-read-seed';
import { skuBalance } from '../support/seed';
import { importTaken, uploadImport } from '../support/uploads';

const INVENTORY = mugInventory(10);

const order = (n: number, shipped: string): Item => ({
  order: `111-0000000-000000${n}`,
  shipment: `S${n}`,
  item: `SI${n}`,
  purchased: '2024-05-01T08:00:00+00:00',
  shipped,
  sku: 'MUG',
  units: 1,
  price: '11.00',
});

/**
 * docs/decisions.md 47 and 53: an imported Manage FBA Inventory report is a read of Amazon's figures at the
 * instant the seller gives; an FBA order shipped before it is demand only (no stock movement) — and still a
 * sale in the profit report, with its revenue, fees and cost.
 */
describeEachBackend(
  'Imports: an FBA inventory file read at a time; history-only sales in profit',
  (backend) => {
    const t = useOwnerApi(backend);
    const profit = async () => {
      const res = await t.api.get('/api/v1/reports/profit?from=2024-05-01&to=2024-06-01');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body['rows'] as Record<string, unknown>[]).find((r) => r['sku'] === 'MUG');
    };

    beforeAll(async () => {
      await seedMugAtFba(t.api);
    });

    it('a read in the future is refused, naming readAt, and records nothing', async () => {
      const res = await uploadImport(t.api, 'amazon-inventory', INVENTORY, '?readAt=2999-01-01T00:00:00Z');
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body['field']).toBe('readAt');
    });

    it('the file is a read at readAt: an FBA order shipped before it is history, one after it ships', async () => {
      const read = await uploadImport(t.api, 'amazon-inventory', INVENTORY, '?readAt=2024-05-10T00:00:00Z');
      expect(read.status, JSON.stringify(read.body)).toBe(201);
      expect(read.body['applied']).toMatchObject({ location: 'FBA-US', readAt: '2024-05-10T00:00:00.000Z' });
      expect((await skuBalance(t.api, 'MUG', 'FBA-US')).onHand).toBe(10);
      // Order 3 shipped in two parts, both before the read: taken in at its first, its second re-dated.
      const split = [
        { ...order(3, '2024-05-05T09:00:00+00:00'), item: 'SI3a' },
        { ...order(3, '2024-05-07T09:00:00+00:00'), item: 'SI3b', shipment: 'S3b' },
      ];
      const res = await importTaken(
        t.api,
        'amazon-shipments',
        file([order(1, '2024-05-04T09:00:00+00:00'), order(2, '2024-05-12T09:00:00+00:00'), ...split]),
      );
      expect(res.body['applied']).toMatchObject({
        ordersCreated: 3,
        shipmentItems: 4,
        unitsRedated: 0,
        historyUnitsRedated: 1,
        unitsNotInLedger: 0,
      });
      // The orders shipped before Amazon's figures of 05-10 are already out of them: no stock moves; 05-12's does.
      expect((await skuBalance(t.api, 'MUG', 'FBA-US')).onHand).toBe(9);
      const history = await t.api.get('/api/v1/sales/history?sku=MUG&from=2024-05-01&to=2024-05-31');
      expect((history.body['skus'] as { days: unknown[] }[])[0]?.days).toEqual([
        { date: '2024-05-04', units: 1, revenue: 11 },
        { date: '2024-05-05', units: 1, revenue: 11 },
        { date: '2024-05-07', units: 1, revenue: 11 },
        { date: '2024-05-12', units: 1, revenue: 11 },
      ]);
    });

    it('the history-only order is a sale in the profit report: its units, revenue and cost', async () => {
      // The demand-only units costed at the SKU's unit cost (no layer was taken), 05-12's at its FIFO layer's.
      expect(await profit()).toMatchObject({ 'units-sold': 4, revenue: 44, cogs: 3 * 4 + 5 });
    });
  },
);
