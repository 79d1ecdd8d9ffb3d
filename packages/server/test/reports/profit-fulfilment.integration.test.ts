import { expect, it } from 'vitest';
import { fulfilmentFee, mcfFee } from '@stockwise/domain/fees/fee-schedule';
import { feeSizeTier } from '@stockwise/domain/fees/unit-fees';
import { describeEachBackend, useStockwise } from '../support/backends';
import { newAccountApi } from '../support/owner-api';
import { dateAt, todayIso } from '../support/days';
import { FBA_US, WAREHOUSE, seedLocations } from '../support/seed';

type Row = Record<string, number | string | null>;

describeEachBackend('Profit: orders fulfilled by Amazon (FBA, MCF) and by the seller (MFN)', (backend) => {
  const ctx = useStockwise(backend);

  it('an Amazon order shipped from the seller’s warehouse pays referral but no FBA fulfilment or storage', async () => {
    const { owner, api } = await newAccountApi(ctx);
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

  it('a Shopify order shipped from the FBA location pays the MCF fee of its order’s units; from the warehouse none', async () => {
    const { owner, api } = await newAccountApi(ctx);
    await seedLocations(api, FBA_US, WAREHOUSE);
    const dims = { length: 10, width: 8, height: 4, dimensionUnit: 'in', weight: 1, weightUnit: 'lb' };
    const tiers = new Map<string, string>();
    for (const sku of ['MUG', 'CUP']) {
      const product = await api.post('/api/v1/products', { sku, title: sku, currency: 'USD', ...dims });
      expect(product.status, JSON.stringify(product.body)).toBe(201);
      tiers.set(sku, (product.body as { sizeTier: string }).sizeTier);
    }
    const receive = async (sku: string, location: string, quantity: number) => {
      const body = { type: 'receipt', sku, location, quantity, unitCost: 5 };
      expect((await api.post('/api/v1/movements', body)).status).toBe(201);
    };
    const sell = async (channel: string, externalId: string, lines: [string, number][]) => {
      const order = await api.post('/api/v1/orders', {
        channel,
        externalId,
        currency: 'USD',
        lines: lines.map(([sku, quantity]) => ({ sku, quantity, unitPrice: 20 })),
      });
      expect(order.status, JSON.stringify(order.body)).toBe(201);
      const shipped = await api.post(`/api/v1/orders/${String(order.body['id'])}/ship`, {});
      expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
      const shippedLines = shipped.body['lines'] as {
        allocations: { location: string; shipped: number }[];
      }[];
      return shippedLines.flatMap((l) => l.allocations.filter((a) => a.shipped > 0).map((a) => a.location));
    };
    // the only stock is at Amazon: Amazon ships a 1-unit and a 3-unit Shopify order (MCF), then an Amazon one
    await receive('MUG', 'FBA-US', 5);
    await receive('CUP', 'FBA-US', 1);
    expect(await sell('shopify', 'S-1', [['MUG', 1]])).toEqual(['FBA-US']);
    expect(
      await sell('shopify', 'S-3', [
        ['MUG', 2],
        ['CUP', 1],
      ]),
    ).toEqual(['FBA-US', 'FBA-US']);
    expect(await sell('amazon', 'A-2', [['MUG', 2]])).toEqual(['FBA-US']);
    // Amazon's shelf is empty: the seller ships the same 3-unit Shopify order from the warehouse
    await receive('MUG', 'WH', 5);
    expect(await sell('shopify', 'W-3', [['MUG', 3]])).toEqual(['WH']);

    const res = await api.get(`/api/v1/reports/profit?from=${dateAt(-2)}&to=${dateAt(1)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rows = res.body['rows'] as Row[];
    expect(rows.map((r) => [r['sku'], r['currency'], r['units-sold'], r['revenue']])).toEqual([
      ['CUP', 'USD', 1, 20],
      ['MUG', 'USD', 8, 160],
    ]);
    const schedule = await ctx.sw.fees.effective(owner.actor, { marketplace: 'US', on: todayIso() });
    const item = { sizeTier: feeSizeTier(tiers.get('MUG')), weightLb: 1 };
    const fba = fulfilmentFee(schedule, item);
    const [oneUnit, threeUnits] = [1, 3].map((unitsInOrder) => mcfFee(schedule, { ...item, unitsInOrder }));
    // the seeded US table has MCF rates, lower per unit in a larger order
    expect(oneUnit).toBeGreaterThan(threeUnits!);
    expect(threeUnits).toBeGreaterThan(0);
    const money = (x: number) => Math.round(x * 100) / 100;
    const row = (sku: string) => rows.find((r) => r['sku'] === sku);
    expect(row('MUG')).toMatchObject({
      // referral on the Amazon order only (2 × $20); none on Shopify's, from FBA or not
      'referral-fees': money(40 * schedule.referralRate),
      // the Amazon order's FBA fee, the 1-unit MCF order's, the 3-unit one's on 2 units; nothing on WH's
      'fulfillment-fees': money(2 * fba + oneUnit! + 2 * threeUnits!),
      'without-fee-table': null,
    });
    // the order's third unit is another SKU: it is priced in the 3-unit band too
    expect(row('CUP')).toMatchObject({
      'referral-fees': 0,
      'fulfillment-fees': money(threeUnits!),
      'without-fee-table': null,
    });
  });

  it('a Shopify order shipped from a German FBA location, whose table has no MCF rates: fees unknown, named', async () => {
    const { api } = await newAccountApi(ctx);
    await seedLocations(api, { code: 'FBA-DE', name: 'Amazon DE', type: 'amazon_fba', marketplace: 'DE' });
    const dims = { length: 10, width: 8, height: 4, dimensionUnit: 'in', weight: 1, weightUnit: 'lb' };
    expect(
      (await api.post('/api/v1/products', { sku: 'MUG', title: 'Mug', currency: 'EUR', ...dims })).status,
    ).toBe(201);
    const receipt = { type: 'receipt', sku: 'MUG', location: 'FBA-DE', quantity: 2, unitCost: 5 };
    expect((await api.post('/api/v1/movements', receipt)).status).toBe(201);
    const order = await api.post('/api/v1/orders', {
      channel: 'shopify',
      externalId: 'S-DE',
      currency: 'EUR',
      lines: [{ sku: 'MUG', quantity: 1, unitPrice: 20 }],
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect((await api.post(`/api/v1/orders/${String(order.body['id'])}/ship`, {})).status).toBe(200);

    const res = await api.get(`/api/v1/reports/profit?from=${dateAt(-2)}&to=${dateAt(1)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // never a silent 0: the fulfilment fee and the profit are unknown, and the missing table is named
    expect(res.body['rows']).toEqual([
      expect.objectContaining({
        sku: 'MUG',
        currency: 'EUR',
        revenue: 20,
        'fulfillment-fees': null,
        profit: null,
        'without-fee-table': 'DE-MCF',
      }),
    ]);
    const totals = (res.body['summary'] as { totals: Record<string, unknown>[] }).totals;
    expect(totals).toEqual([
      expect.objectContaining({ currency: 'EUR', profit: null, withoutFeeTable: ['DE-MCF'] }),
    ]);
  });
});
