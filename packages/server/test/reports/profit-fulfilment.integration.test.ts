import { expect, it } from 'vitest';
import { fulfilmentFee } from '@stockwise/domain/fees/fee-schedule';
import { feeSizeTier } from '@stockwise/domain/fees/unit-fees';
import { describeEachBackend, useStockwise } from '../support/backends';
import { dateAt, todayIso } from '../support/days';
import { newAccount } from '../support/factories';
import { client } from '../support/http-client';
import { FBA_US, WAREHOUSE, seedLocations } from '../support/seed';

type Row = Record<string, number | string | null>;

describeEachBackend('Profit: Amazon orders fulfilled by Amazon and by the seller (MFN)', (backend) => {
  const ctx = useStockwise(backend);

  it('an Amazon order shipped from the seller’s warehouse pays referral but no FBA fulfilment or storage', async () => {
    const owner = await newAccount(ctx.sw);
    const api = client(ctx.app, owner.token);
    await seedLocations(api, FBA_US, WAREHOUSE);
    const dims = { length: 10, width: 8, height: 4, dimensionUnit: 'in', weight: 1, weightUnit: 'lb' };
    const product = await api.post('/api/v1/products', {
      sku: 'MUG',
      title: 'Mug',
      currency: 'USD',
      ...dims,
    });
    expect(product.status, JSON.stringify(product.body)).toBe(201);
    const receive = async (location: string, quantity: number) => {
      const body = { type: 'receipt', sku: 'MUG', location, quantity, unitCost: 5 };
      expect((await api.post('/api/v1/movements', body)).status).toBe(201);
    };
    const sell = async (externalId: string, quantity: number) => {
      const order = await api.post('/api/v1/orders', {
        channel: 'amazon',
        externalId,
        currency: 'USD',
        lines: [{ sku: 'MUG', quantity, unitPrice: 20 }],
      });
      expect(order.status, JSON.stringify(order.body)).toBe(201);
      const shipped = await api.post(`/api/v1/orders/${String(order.body['id'])}/ship`, {});
      expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
      const lines = shipped.body['lines'] as { allocations: { location: string; shipped: number }[] }[];
      return lines.flatMap((l) => l.allocations.filter((a) => a.shipped > 0).map((a) => a.location));
    };
    // FBA: the only stock is at Amazon, so Amazon ships these 2 units
    await receive('FBA-US', 2);
    expect(await sell('FBA-1', 2)).toEqual(['FBA-US']);
    // MFN: Amazon's shelf is empty, the seller ships 3 of the 5 units in the warehouse
    await receive('WH', 5);
    expect(await sell('MFN-1', 3)).toEqual(['WH']);

    const res = await api.get(`/api/v1/reports/profit?from=${dateAt(-2)}&to=${dateAt(1)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rows = res.body['rows'] as Row[];
    expect(rows.map((r) => [r['sku'], r['currency'], r['units-sold'], r['revenue'], r['cogs']])).toEqual([
      ['MUG', 'USD', 5, 100, 25],
    ]);
    const schedule = await ctx.sw.fees.effective(owner.actor, { marketplace: 'US', on: todayIso() });
    const sizeTier = feeSizeTier((product.body as { sizeTier: string }).sizeTier);
    const perUnit = fulfilmentFee(schedule, { sizeTier, weightLb: 1 });
    expect(perUnit).toBeGreaterThan(0);
    const [row] = rows;
    expect(row).toMatchObject({
      // referral on all five Amazon sales, wherever they shipped from
      'referral-fees': Math.round(100 * schedule.referralRate * 100) / 100,
      // the FBA fee on the two units Amazon shipped only (was 5 × the fee)
      'fulfillment-fees': Math.round(2 * perUnit * 100) / 100,
      // the 2 units left in the warehouse pay no Amazon storage; nothing was left at Amazon
      'storage-fees': 0,
      'aged-inventory-surcharge': 0,
      'without-fee-table': null,
    });
  });
});
