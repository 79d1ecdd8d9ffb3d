import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { productInput } from '../support/factories';
import { dateAt } from '../support/days';
import { seedLocations, WAREHOUSE } from '../support/seed';
import { useOwnerApi } from '../support/owner-api';

interface Po {
  number: string;
  status: string;
  currency: string;
  paymentTermsDays: number;
  expectedOn: string | null;
  supplier: { code: string };
  lines: { sku: string; quantity: number; unitCost: number }[];
}

/**
 * Editing a draft purchase order the way the dashboard does: another supplier (its currency, terms
 * and prices follow), lines and expected date; after sending, the supplier is fixed; cancelling a draft.
 */
describeEachBackend('Purchase orders: editing and cancelling a draft', (backend) => {
  const t = useOwnerApi(backend);
  const sku = productInput().sku;
  const other = productInput().sku;

  beforeAll(async () => {
    await seedLocations(t.api, WAREHOUSE);
    for (const s of [sku, other])
      expect((await t.api.post('/api/v1/products', productInput({ sku: s, unitCost: 3 }))).status).toBe(201);
    const suppliers = [
      { code: 'SUP-EU', name: 'Euro Mugs', currency: 'EUR', paymentTermsDays: 30 },
      { code: 'SUP-US', name: 'US Mugs', currency: 'USD', paymentTermsDays: 60 },
    ];
    for (const s of suppliers) expect((await t.api.post('/api/v1/suppliers', s)).status).toBe(201);
    const terms = await t.api.call('PUT', `/api/v1/suppliers/SUP-US/products/${sku}`, {
      body: { unitCost: 2.25 },
    });
    expect(terms.status).toBe(200);
  });

  const draft = async (): Promise<Po> => {
    const res = await t.api.post('/api/v1/purchase-orders', {
      supplier: 'SUP-EU',
      location: WAREHOUSE.code,
      lines: [{ sku, quantity: 10 }],
    });
    expect(res.status).toBe(201);
    return (res.body['items'] as unknown as Po[])[0]!;
  };

  it('moves a draft to another supplier: currency, payment terms and unit costs follow it', async () => {
    const po = await draft();
    expect(po).toMatchObject({ currency: 'EUR', paymentTermsDays: 30, lines: [{ sku, unitCost: 3 }] });
    const edited = await t.api.patch(`/api/v1/purchase-orders/${po.number}`, {
      supplier: 'SUP-US',
      expectedOn: dateAt(40),
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      supplier: { code: 'SUP-US' },
      currency: 'USD',
      paymentTermsDays: 60,
      expectedOn: dateAt(40),
      lines: [{ sku, quantity: 10, unitCost: 2.25 }],
    });
  });

  it('replaces lines and quantities in the same edit, keeping a unit cost the buyer typed', async () => {
    const po = await draft();
    const edited = await t.api.patch(`/api/v1/purchase-orders/${po.number}`, {
      supplier: 'SUP-US',
      lines: [
        { sku, quantity: 24, unitCost: 2 },
        { sku: other, quantity: 6 },
      ],
    });
    expect(edited.status).toBe(200);
    expect((edited.body as unknown as Po).lines.map((l) => [l.sku, l.quantity, l.unitCost])).toEqual([
      [sku, 24, 2],
      [other, 6, 3],
    ]);
  });

  it('refuses an unknown supplier naming the field and changes nothing', async () => {
    const po = await draft();
    const res = await t.api.patch(`/api/v1/purchase-orders/${po.number}`, { supplier: 'NOPE', lines: [] });
    expect(res.status).toBe(400);
    const unknown = await t.api.patch(`/api/v1/purchase-orders/${po.number}`, {
      supplier: 'NOPE',
      expectedOn: dateAt(5),
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body['field']).toBe('supplier');
    const after = (await t.api.get(`/api/v1/purchase-orders/${po.number}`)).body as unknown as Po;
    expect(after).toMatchObject({ supplier: { code: 'SUP-EU' }, expectedOn: po.expectedOn });
  });

  it('fixes the supplier once sent, and cancels a draft', async () => {
    const sent = await draft();
    expect((await t.api.post(`/api/v1/purchase-orders/${sent.number}/send`)).status).toBe(200);
    const refused = await t.api.patch(`/api/v1/purchase-orders/${sent.number}`, { supplier: 'SUP-US' });
    expect(refused.status).toBe(409);
    expect(refused.body['field']).toBe('supplier');

    const po = await draft();
    const cancelled = await t.api.post(`/api/v1/purchase-orders/${po.number}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body['status']).toBe('cancelled');
    const late = await t.api.patch(`/api/v1/purchase-orders/${po.number}`, { expectedOn: dateAt(3) });
    expect(late.status).toBe(409);
  });
});
