import { expect, it } from 'vitest';
import { SETTLEMENT_OPTIONAL, SETTLEMENT_REQUIRED } from '@stockwise/domain/imports/settlement';
import { describeEachBackend, useStockwise } from '../support/backends';
import { dateAt } from '../support/days';
import { uploadImport } from '../support/uploads';
import { twoNetworkSeller } from '../support/two-network-seller';

type Row = Record<string, number | string | null>;

/** The settlement columns the importer reads (by name, so their order is free). */
const HEADER: readonly string[] = [...SETTLEMENT_REQUIRED, ...SETTLEMENT_OPTIONAL];

/** A USD settlement with one commission of `amount` on MUG, posted yesterday. */
function settlement(id: string, amount: string): string {
  const row = (cells: Record<string, string>) => HEADER.map((c) => cells[c] ?? '').join('\t');
  return [
    HEADER.join('\t'),
    row({
      'settlement-id': id,
      'settlement-start-date': `${dateAt(-10)} 00:00:00 UTC`,
      'settlement-end-date': `${dateAt(-1)} 00:00:00 UTC`,
      'deposit-date': `${dateAt(-1)} 00:00:00 UTC`,
      'total-amount': amount,
      currency: 'USD',
    }),
    row({
      'settlement-id': id,
      'transaction-type': 'Order',
      'order-id': '111-1',
      'amount-type': 'ItemFees',
      'amount-description': 'Commission',
      amount,
      'posted-date': dateAt(-1),
      sku: 'MUG',
      'quantity-purchased': '1',
    }),
    '',
  ].join('\n');
}

/**
 * The profit and inventory-age pages are kept per planning version (docs/decisions.md 30): every write
 * that changes what they read must change the next answer. Each step below fails if the version stays
 * the same (the cached page would come back).
 */
describeEachBackend('Report pages kept per planning version', (backend) => {
  const ctx = useStockwise(backend);

  /** MUG (USD, 12×10×8 in) with 10 units at Amazon US, two sold through Amazon. */
  async function seller() {
    const s = await twoNetworkSeller(ctx, {
      skus: ['MUG'],
      box: { length: 12, width: 10, height: 8, weight: 1.5 },
    });
    await s.move({
      type: 'receipt',
      sku: 'MUG',
      location: 'FBA-US',
      quantity: 10,
      unitCost: 5,
      occurredAt: `${dateAt(-20)}T12:00:00Z`,
    });
    const sell = async (externalId: string, quantity: number) => {
      const order = await s.api.post('/api/v1/orders', {
        channel: 'amazon',
        externalId,
        currency: 'USD',
        lines: [{ sku: 'MUG', quantity, unitPrice: 20 }],
      });
      expect(order.status, JSON.stringify(order.body)).toBe(201);
      const shipped = await s.api.post(`/api/v1/orders/${String(order.body['id'])}/ship`, {});
      expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
    };
    await sell('A-1', 2);
    return { ...s, sell };
  }

  const profitPath = `/api/v1/reports/profit?from=${dateAt(-30)}&to=${dateAt(1)}`;

  it('profit: an order, a settlement, a fee table and a product change each change the next answer', async () => {
    const { api, sell } = await seller();
    const mug = async () => {
      const res = await api.get(profitPath);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const rows = (res.body['rows'] as Row[]).filter((r) => r['sku'] === 'MUG');
      expect(rows).toHaveLength(1);
      return rows[0]!;
    };
    const first = await mug();
    expect(first).toMatchObject({ currency: 'USD', 'units-sold': 2, revenue: 40, cogs: 10 });
    // unchanged data: the same answer
    expect(await mug()).toEqual(first);

    await sell('A-2', 1);
    expect(await mug()).toMatchObject({ 'units-sold': 3, revenue: 60, cogs: 15 });

    // a settled commission replaces the referral estimate
    const referral = (await mug())['referral-fees'];
    expect(referral).toBeGreaterThan(0);
    const booked = await uploadImport(api, 'amazon-settlement', settlement('7000001', '-4.00'));
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(await mug()).toMatchObject({ 'referral-fees': 0, 'settled-fees': 4 });

    // the account's own US table: the fulfilment estimate follows its rates (none left: 0)
    const before = await mug();
    expect(before['fulfillment-fees']).toBe(0);
    expect(before['other-variable-cost']).toBe(0);
    const table = await api.post('/api/v1/fees', {
      marketplace: 'US',
      effectiveFrom: dateAt(-60),
      otherVariablePerUnit: 1.5,
    });
    expect(table.status, JSON.stringify(table.body)).toBe(201);
    expect(await mug()).toMatchObject({ 'other-variable-cost': 4.5 });

    // the product's currency is its cost's: COGS moves to a EUR line of its own
    expect((await api.patch('/api/v1/products/MUG', { currency: 'EUR' })).status).toBe(200);
    const res = await api.get(profitPath);
    const lines = (res.body['rows'] as Row[]).map((r) => [r['currency'], r['cogs']]);
    expect(lines).toEqual([
      ['EUR', 15],
      ['USD', 0],
    ]);
  });

  it('inventory age: a movement, a product size and a fee table each change the next answer', async () => {
    const { api, move } = await seller();
    const mug = async () => {
      const res = await api.get('/api/v1/reports/inventory-age');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const row = (res.body['rows'] as Row[]).find((r) => r['sku'] === 'MUG');
      expect(row).toBeDefined();
      return row!;
    };
    const first = await mug();
    expect(first['estimated-storage-cost-next-month']).toBeGreaterThan(0);
    expect(await mug()).toEqual(first);

    await move({ type: 'adjustment', sku: 'MUG', location: 'FBA-US', quantity: -4, reason: 'damaged' });
    const fewer = await mug();
    expect(Number(fewer['estimated-storage-cost-next-month'])).toBeCloseTo(
      (Number(first['estimated-storage-cost-next-month']) * 4) / 8,
      1,
    );

    // a quarter more volume (still standard size), a quarter more fee
    const grown = await api.patch('/api/v1/products/MUG', { length: 15 });
    expect(grown.status, JSON.stringify(grown.body)).toBe(200);
    const bigger = await mug();
    expect(Number(bigger['estimated-storage-cost-next-month'])).toBeCloseTo(
      Number(fewer['estimated-storage-cost-next-month']) * 1.25,
      1,
    );

    const table = await api.post('/api/v1/fees', {
      marketplace: 'US',
      effectiveFrom: dateAt(-60),
      storage: { standard: { offPeak: 10, peak: 10 }, oversize: { offPeak: 10, peak: 10 } },
    });
    expect(table.status, JSON.stringify(table.body)).toBe(201);
    expect(Number((await mug())['estimated-storage-cost-next-month'])).not.toBeCloseTo(
      Number(bigger['estimated-storage-cost-next-month']),
      2,
    );
  });
});
