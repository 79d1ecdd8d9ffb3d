import { beforeAll, expect, it } from 'vitest';
import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { PRICE_RESPONSE_RULES } from '@stockwise/domain/forecasting/price-response';
import { todayUtc, type ForecastPoint as Point } from '../../src/forecasting/forecast.service';
import { describeEachBackend } from '../support/backends';
import { demoProducts, useDemoSeller } from '../support/demo-seller';
import { client } from '../support/http-client';

const day = (offset: number) => isoDate(parseIsoDate(todayUtc()) + offset);

interface PriceChange {
  name: string;
  startsOn: string;
  endsOn: string;
  priceFactor: number;
  elasticity: number;
  demandMultiplier: number;
}

describeEachBackend('Planned price changes in the forecast', (backend) => {
  const seller = useDemoSeller(backend, 4);
  let sku: string;
  let other: string;

  beforeAll(async () => {
    const [first, second] = await demoProducts(seller, 10);
    sku = first!.sku;
    other = second!.sku;
  }, 180_000);

  it('a planned 20% cut raises the forecast over its days by 0.8^elasticity of the SKU, and says so', async () => {
    const api = client(seller.app, seller.token);
    const path = (s: string) => `/api/v1/forecasts/${encodeURIComponent(s)}?horizon=42`;
    const before = await api.get(path(sku));
    const beforeOther = await api.get(path(other));
    expect(before.body['priceChanges']).toEqual([]);
    const created = await api.post('/api/v1/events', {
      name: 'Spring price cut',
      startsOn: day(14),
      endsOn: day(20),
      scope: 'skus',
      skus: [sku],
      priceFactor: 0.8,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ lift: null, priceFactor: 0.8 });
    const after = await api.get(path(sku));
    const changes = after.body['priceChanges'] as PriceChange[];
    expect(changes).toHaveLength(1);
    const change = changes[0]!;
    expect(change).toMatchObject({
      name: 'Spring price cut',
      startsOn: day(14),
      endsOn: day(20),
      priceFactor: 0.8,
    });
    // The SKU's elasticity from its shipments' selling prices, shrunk and clamped (docs/forecasting.md).
    expect(change.elasticity).toBeGreaterThanOrEqual(PRICE_RESPONSE_RULES.min);
    expect(change.elasticity).toBeLessThanOrEqual(PRICE_RESPONSE_RULES.max);
    // The demo's shipments sell at varying prices (promotions): the data, not the prior, set it.
    expect(Math.abs(change.elasticity - PRICE_RESPONSE_RULES.prior)).toBeGreaterThan(0.01);
    expect(change.demandMultiplier).toBeCloseTo(Math.pow(0.8, change.elasticity), 2);
    expect(change.demandMultiplier).toBeGreaterThan(1);
    const sum = (points: Point[], from: number, to: number) =>
      points.filter((p) => p.date >= day(from) && p.date <= day(to)).reduce((s, p) => s + p.mean, 0);
    const b = before.body['forecast'] as Point[];
    const a = after.body['forecast'] as Point[];
    expect(sum(b, 14, 20)).toBeGreaterThan(0);
    expect(sum(a, 14, 20) / sum(b, 14, 20)).toBeCloseTo(Math.pow(0.8, change.elasticity), 1);
    // Outside the event's days, and for a SKU outside its scope, nothing changes.
    expect(sum(a, 0, 13) / sum(b, 0, 13)).toBeCloseTo(1, 1);
    expect(sum(a, 21, 41) / sum(b, 21, 41)).toBeCloseTo(1, 1);
    const afterOther = await api.get(path(other));
    expect(afterOther.body['priceChanges']).toEqual([]);
    expect(afterOther.body['forecast']).toEqual(beforeOther.body['forecast']);
    // The nightly run stores the same forecast.
    await seller.sw.forecasts.run(seller.actor, { horizon: 42 });
    const stored = await api.get(path(sku));
    expect(stored.body['source']).toBe('stored');
    expect(sum(stored.body['forecast'] as Point[], 14, 20) / sum(b, 14, 20)).toBeCloseTo(
      Math.pow(0.8, change.elasticity),
      1,
    );
    expect(stored.body['priceChanges']).toEqual(changes);
  });

  it('refuses a price factor outside (0, 5] naming the field, and stores nothing', async () => {
    const api = client(seller.app, seller.token);
    const count = ((await api.get('/api/v1/events')).body.items ?? []).length;
    for (const priceFactor of [0, -0.5, 6]) {
      const res = await api.post('/api/v1/events', {
        name: 'x',
        startsOn: day(1),
        endsOn: day(2),
        priceFactor,
      });
      expect(res.status).toBe(400);
      expect(res.body['field'], JSON.stringify(res.body)).toBe('priceFactor');
    }
    expect((await api.get('/api/v1/events')).body.items).toHaveLength(count);
  });
});
