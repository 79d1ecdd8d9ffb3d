import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { dateAt } from '../support/days';
import { demoProducts, useDemoSeller } from '../support/demo-seller';
import { client } from '../support/http-client';

describeEachBackend('The forecast of one SKU uses the pooled effects of the catalogue run', (backend) => {
  const seller = useDemoSeller(backend, 16);
  let sku: string;

  beforeAll(async () => {
    const products = await demoProducts(seller);
    // A SKU whose category has others: its pooled effects are not its own alone.
    const count = (c: string | null) => products.filter((p) => p.category === c).length;
    sku = [...products].sort((a, b) => count(b.category) - count(a.category))[0]!.sku;
    expect(count(products.find((p) => p.sku === sku)!.category)).toBeGreaterThan(1);
    await seller.sw.forecasts.run(seller.actor, {});
  }, 180_000);

  it('computed on the run’s day, it equals that SKU’s line of a run with the same inputs', async () => {
    const api = client(seller.app, seller.token);
    const forecastOf = async () => {
      const r = await api.get(`/api/v1/forecasts/${encodeURIComponent(sku)}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body as { source: string; model: string; forecast: unknown[] };
    };
    // A promotion of this SKU makes its stored forecast stale: the endpoint computes it from the ledger.
    const event = await api.post('/api/v1/events', {
      name: 'Promotion',
      startsOn: dateAt(10),
      endsOn: dateAt(16),
      scope: 'skus',
      skus: [sku],
      lift: 2,
    });
    expect(event.status, JSON.stringify(event.body)).toBe(201);
    const computed = await forecastOf();
    expect(computed.source).toBe('computed');
    // The next run forecasts the whole catalogue with the same event.
    await seller.sw.forecasts.run(seller.actor, {});
    const stored = await forecastOf();
    expect(stored.source).toBe('stored');
    expect(computed.model).toBe(stored.model);
    expect(computed.forecast).toEqual(stored.forecast);
  }, 300_000);
});
