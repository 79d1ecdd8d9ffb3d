import { beforeAll, expect, it } from 'vitest';
import type { LedgerEntry } from '../../src/ledger/ledger.service';
import { describeEachBackend } from '../support/backends';
import { dayAt } from '../support/days';
import { useOwnerApi } from '../support/owner-api';
import { seedLocations } from '../support/seed';
import { restockItems } from './sales-history';

/**
 * A wholesaler's gift item sold on twelve days of the past year, nine small orders and three bulk
 * ones (docs/formulas.md Lumpy demand), next to a steady seller at the same warehouse.
 */
const SIZES = [24, 36, 12, 480, 48, 2400, 60, 36, 24, 1200, 48, 30];
const TOTAL = SIZES.reduce((a, x) => a + x, 0);

interface LumpyItem {
  sku: string;
  orderUpTo: number;
  recommendedQuantity: number;
  dailyDemand: number;
  reasoning: {
    summary: string;
    demandOverProtection: number;
    serviceLevel: number;
    lumpy: {
      orders: number;
      minSize: number;
      maxSize: number;
      meanSize: number;
      serviceLevel: number;
      expectedOrders: number;
    } | null;
  };
}

describeEachBackend('Restock: lumpy demand plans on order sizes', (backend) => {
  const t = useOwnerApi(backend);

  beforeAll(async () => {
    await seedLocations(t.api, { code: 'WH1', name: 'Main', type: 'warehouse' });
    for (const sku of ['GIFT-BULK', 'GIFT-STEADY'])
      expect(
        (await t.api.post('/api/v1/products', { sku, title: sku, unitCost: 1, price: 2.5, casePack: 1 }))
          .status,
      ).toBe(201);
    const sale = (sku: string, quantity: number, offset: number): LedgerEntry => ({
      sku,
      location: 'WH1',
      request: { type: 'shipment', quantity },
      occurredAt: dayAt(offset),
      unitPrice: 2.5,
      channel: 'other',
    });
    const entries: LedgerEntry[] = [
      {
        sku: 'GIFT-BULK',
        location: 'WH1',
        request: { type: 'receipt', quantity: TOTAL, unitCost: 1 },
        occurredAt: dayAt(-362),
      },
      {
        sku: 'GIFT-STEADY',
        location: 'WH1',
        request: { type: 'receipt', quantity: 2000, unitCost: 1 },
        occurredAt: dayAt(-91),
      },
      // One order every 30 days, the last 3 days ago.
      ...SIZES.map((q, i) => sale('GIFT-BULK', q, -333 + i * 30)),
      ...Array.from({ length: 90 }, (_, i) => sale('GIFT-STEADY', 5, -90 + i)),
    ];
    await t.sw.ledger.post(t.owner.actor, entries);
  }, 120_000);

  it('reads safety stock off the order sizes and arrivals, and the reasoning says so', async () => {
    const items = await restockItems<LumpyItem>(t.api, '?location=WH1');
    const bulk = items.find((i) => i.sku === 'GIFT-BULK')!;
    const steady = items.find((i) => i.sku === 'GIFT-STEADY')!;
    expect(bulk.reasoning.lumpy).toMatchObject({ orders: 12, minSize: 12, maxSize: 2400 });
    expect(bulk.reasoning.summary).toContain(
      'Lumpy: safety stock from 12 orders in 365 days of 12–2400 units',
    );
    // The last unit stocked had to reach a level below the SKU's economic one: it waits for orders
    // that may not come (1.25 expected over the 37 days, none with 29% chance).
    expect(bulk.reasoning.lumpy!.serviceLevel).toBeLessThan(bulk.reasoning.serviceLevel);
    expect(bulk.reasoning.lumpy!.expectedOrders).toBeCloseTo(
      bulk.reasoning.demandOverProtection / (TOTAL / 12),
      1,
    );
    // A steady seller keeps the count model.
    expect(steady.reasoning.lumpy).toBeNull();
    expect(steady.reasoning.summary).not.toContain('Lumpy');
  });
});
