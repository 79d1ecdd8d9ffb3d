import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { seedHistory } from './sales-history';

/**
 * Ordering costs (supplier terms, account defaults, the product's defaults) choose the supplier's
 * review period in the plan (docs/formulas.md Replenishment costs, Review period).
 */
describeEachBackend('Restock: ordering costs set the review period', (backend) => {
  const t = useOwnerApi(backend);
  const reviewDays = async (): Promise<number> => {
    const res = await t.api.get('/api/v1/restock?location=WH1&sku=COST-MUG');
    expect(res.status).toBe(200);
    const items = res.body.items as unknown as {
      reasoning: { reviewDays: number; assumptions: { input: string; rule: string }[] };
    }[];
    expect(items).toHaveLength(1);
    // No receipts yet: the lead-time spread is the explicit default, and the reasoning says so.
    expect(items[0]!.reasoning.assumptions.map((a) => a.input)).toEqual(['leadTimeSpread']);
    expect(items[0]!.reasoning.assumptions[0]!.rule).toContain('15%');
    return items[0]!.reasoning.reviewDays;
  };

  beforeAll(async () => {
    expect(
      (await t.api.post('/api/v1/locations', { code: 'WH1', name: 'Warehouse', type: 'warehouse' })).status,
    ).toBe(201);
    await t.api.post('/api/v1/products', {
      sku: 'COST-MUG',
      title: 'Mug',
      unitCost: 5,
      price: 20,
      casePack: 1,
      length: 12,
      width: 12,
      height: 6,
      weight: 1,
    });
    expect(
      (
        await t.api.post('/api/v1/suppliers', {
          code: 'ACME',
          name: 'Acme',
          leadTime: { productionDays: 5, transitDays: 5, groundDays: 2, checkInDays: 2 },
        })
      ).status,
    ).toBe(201);
    await t.api.call('PUT', '/api/v1/suppliers/ACME/products/COST-MUG', {
      body: { unitCost: 5, casePack: 1, moq: 0, preferred: true },
    });
    await seedHistory(t.sw, t.owner, { sku: 'COST-MUG', location: 'WH1', received: 400, perDay: 4 });
  }, 120_000);

  it('supplier terms win over account defaults, which win over the product defaults; null clears', async () => {
    const productDefault = await reviewDays();
    // The account makes orders dear: a longer review period.
    const put = await t.api.call('PUT', '/api/v1/restock/cost-defaults', { body: { orderCost: 500 } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ orderCost: 500, lineCost: null, freeFreightValue: null });
    expect((await t.api.get('/api/v1/restock/cost-defaults')).body).toMatchObject({ orderCost: 500 });
    const audit = await t.api.get('/api/v1/audit?entityType=account');
    expect(audit.body.items?.find((e) => e['action'] === 'restock.cost_defaults')).toMatchObject({
      entityId: String(t.owner.actor.accountId),
      actorUserId: t.owner.actor.userId,
      before: { orderCost: null },
      after: { orderCost: 500, lineCost: null },
    });
    const dear = await reviewDays();
    expect(dear).toBeGreaterThan(productDefault);
    // The supplier's own free ordering wins: every day.
    const patched = await t.api.patch('/api/v1/suppliers/ACME', { costs: { orderCost: 0, lineCost: 0 } });
    expect(patched.status).toBe(200);
    expect(patched.body['costs']).toMatchObject({ orderCost: 0, lineCost: 0, shippingPerUnit: null });
    expect(await reviewDays()).toBe(1);
    // Cleared on the supplier: the account's again.
    await t.api.patch('/api/v1/suppliers/ACME', { costs: { orderCost: null, lineCost: null } });
    expect(await reviewDays()).toBe(dear);
  });

  it('refuses a negative cost naming the field, and changes nothing', async () => {
    const before = (await t.api.get('/api/v1/restock/cost-defaults')).body;
    const bad = await t.api.call('PUT', '/api/v1/restock/cost-defaults', { body: { lineCost: -1 } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('lineCost');
    expect((await t.api.get('/api/v1/restock/cost-defaults')).body).toEqual(before);
    const badSupplier = await t.api.patch('/api/v1/suppliers/ACME', { costs: { minOrderValue: -5 } });
    expect(badSupplier.status).toBe(400);
    expect(JSON.stringify(badSupplier.body)).toContain('minOrderValue');
  });
});
