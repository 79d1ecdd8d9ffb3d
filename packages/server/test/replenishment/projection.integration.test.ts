import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import type { ProjectionDay } from '@stockwise/domain/replenishment/projection';
import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { seedHistory } from './sales-history';
import { plannedProduct } from '../support/factories';
import { useOwnerApi } from '../support/owner-api';
import { preferredSupplier } from '../support/restock-setup';

interface Projection {
  sku: string;
  location: string;
  locations: string[];
  asOf: string;
  available: number;
  reorderPoint: number;
  coverLowDays: number;
  coverHighDays: number;
  recommendedQuantity: number;
  plannedArrivalDate: string | null;
  stockOutDate: string | null;
  arrivals: { date: string; quantity: number; kind: string; reference: string | null }[];
  days: ProjectionDay[];
}

describeEachBackend('Stock projection (GET /restock/projection/{sku})', (backend) => {
  const t = useOwnerApi(backend);
  const SKU = 'PROJ-MUG';

  beforeAll(async () => {
    for (const code of ['FBA1', 'WH1'])
      expect(
        (
          await t.api.post('/api/v1/locations', {
            code,
            name: code,
            type: code === 'FBA1' ? 'amazon_fba' : 'warehouse',
            marketplace: 'US',
          })
        ).status,
      ).toBe(201);
    await t.api.post('/api/v1/products', plannedProduct(SKU, { title: 'Mug' }));
    const leadTime = { productionDays: 20, transitDays: 5, groundDays: 3, checkInDays: 2 };
    await preferredSupplier(t, { code: 'ACME', name: 'Acme', leadTime }, SKU);
    // 2 a day for 60 days from 200 received: 80 left, about 40 days of supply.
    await seedHistory(t.sw, t.owner, { sku: SKU, location: 'FBA1', received: 200, perDay: 2 });
  }, 120_000);

  it('projects available stock down by the forecast, with the open order and the recommended order landing', async () => {
    const today = (await t.api.get(`/api/v1/restock?sku=${SKU}&location=FBA1`)).body as unknown as {
      asOf: string;
      items: { reorderPoint: number; recommendedQuantity: number; arrivalDate: string; available: number }[];
    };
    const rec = today.items[0]!;
    const expectedOn = isoDate(parseIsoDate(today.asOf) + 10);
    const created = await t.api.post('/api/v1/purchase-orders', {
      supplier: 'ACME',
      location: 'FBA1',
      lines: [{ sku: SKU, quantity: 30, unitCost: 4 }],
      expectedOn,
    });
    expect(created.status).toBe(201);
    const number = (created.body.items as unknown as { number: string }[])[0]!.number;
    expect((await t.api.post(`/api/v1/purchase-orders/${number}/send`)).status).toBe(200);

    const res = await t.api.get(`/api/v1/restock/projection/${SKU}?location=FBA1&days=60`);
    expect(res.status).toBe(200);
    const p = res.body as unknown as Projection;
    expect(p.location).toBe('FBA1');
    expect(p.available).toBe(rec.available);
    expect(p.days).toHaveLength(60);
    expect(p.days[0]!.date).toBe(p.asOf);
    expect(p.reorderPoint).toBe(rec.reorderPoint);
    expect([p.coverLowDays, p.coverHighDays]).toEqual([28, 90]);
    // The sent order arrives on its expected date, named by its number.
    expect(p.arrivals).toContainEqual({ date: expectedOn, quantity: 30, kind: 'inbound', reference: number });
    const arrivalDay = p.days.find((d) => d.date === expectedOn)!;
    expect(arrivalDay.inbound).toBe(30);
    // Stock falls day by day until the order lands, then rises by what arrived less that day's sales.
    const before = p.days[p.days.indexOf(arrivalDay) - 1]!;
    expect(before.expected).toBeLessThan(p.days[0]!.expected);
    if (before.expected > 0) expect(arrivalDay.expected).toBeGreaterThan(before.expected + 25);
    for (const d of p.days) {
      expect(d.low95).toBeLessThanOrEqual(d.low80);
      expect(d.low80).toBeLessThanOrEqual(d.high80);
      expect(d.high80).toBeLessThanOrEqual(d.high95);
      expect(d.coverHigh).toBeGreaterThan(d.coverLow);
    }
    // The recommended order (the plan now counts the 30 inbound) lands on its arrival date.
    const after = (await t.api.get(`/api/v1/restock?sku=${SKU}&location=FBA1`)).body as unknown as {
      items: { recommendedQuantity: number; arrivalDate: string }[];
    };
    const planned = after.items[0]!;
    expect(p.recommendedQuantity).toBe(planned.recommendedQuantity);
    if (planned.recommendedQuantity > 0) {
      expect(p.plannedArrivalDate).toBe(planned.arrivalDate);
      expect(p.arrivals.filter((a) => a.kind === 'planned')).toEqual([
        {
          date: planned.arrivalDate,
          quantity: planned.recommendedQuantity,
          kind: 'planned',
          reference: null,
        },
      ]);
    }
  });

  it('refuses an unknown location or a horizon out of range, naming the field', async () => {
    const unknown = await t.api.get(`/api/v1/restock/projection/${SKU}?location=NOPE`);
    expect(unknown.status).toBe(404);
    expect(unknown.body['field']).toBe('location');
    const short = await t.api.get(`/api/v1/restock/projection/${SKU}?days=3`);
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain('days');
    const sku = await t.api.get('/api/v1/restock/projection/NO-SUCH-SKU');
    expect(sku.status).toBe(404);
  });
});
