import { beforeAll, expect, it } from 'vitest';
import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { todayUtc } from '../../src/forecasting/forecast.service';
import { describeEachBackend } from '../support/backends';
import { useDemoSeller } from '../support/demo-seller';
import { client } from '../support/http-client';

const day = (offset: number) => isoDate(parseIsoDate(todayUtc()) + offset);

describeEachBackend('Events that apply to one SKU (GET /events?sku=)', (backend) => {
  const seller = useDemoSeller(backend, 4);
  let sku: string;
  let category: string;
  let other: string;

  beforeAll(async () => {
    const listed = await client(seller.app, seller.token).get('/api/v1/products?limit=10');
    const products = listed.body.items as { sku: string; category: string | null }[];
    const withCategory = products.find((p) => p.category !== null)!;
    sku = withCategory.sku;
    category = withCategory.category!;
    other = products.find((p) => p.sku !== sku)!.sku;
  }, 180_000);

  it('lists the events of every SKU, its category and lists naming it, and leaves the others out', async () => {
    const api = client(seller.app, seller.token);
    const event = (name: string, scope: object) =>
      api.post('/api/v1/events', { name, startsOn: day(3), endsOn: day(9), priceFactor: 0.8, ...scope });
    const ids: Record<string, number> = {};
    for (const [name, scope] of [
      ['all', { scope: 'all' }],
      ['category', { scope: 'category', category }],
      ['list', { scope: 'skus', skus: [other, sku] }],
      ['own', { scope: 'skus', skus: [sku] }],
      ['other category', { scope: 'category', category: `${category} (not this one)` }],
      ['other list', { scope: 'skus', skus: [other] }],
    ] as const) {
      const res = await event(name, scope);
      expect(res.status, name).toBe(201);
      ids[name] = res.body['id'] as number;
    }
    const listed = await api.get(`/api/v1/events?sku=${encodeURIComponent(sku)}`);
    expect(listed.status).toBe(200);
    const names = (listed.body.items as { name: string }[]).map((e) => e.name).sort();
    expect(names).toEqual(['all', 'category', 'list', 'own']);
    // The range still applies beside the SKU.
    const later = await api.get(`/api/v1/events?sku=${encodeURIComponent(sku)}&from=${day(20)}`);
    expect(later.body.items).toHaveLength(0);
    // Without a SKU, every event.
    expect((await api.get('/api/v1/events')).body.items).toHaveLength(6);
    for (const id of Object.values(ids)) await api.delete(`/api/v1/events/${String(id)}`);
  });

  it('an unknown SKU is a 404 naming sku; an empty one a 400 naming sku', async () => {
    const api = client(seller.app, seller.token);
    const unknown = await api.get('/api/v1/events?sku=NO-SUCH-SKU');
    expect(unknown.status).toBe(404);
    expect(unknown.body['field']).toBe('sku');
    const empty = await api.get('/api/v1/events?sku=');
    expect(empty.status).toBe(400);
    expect(String(empty.body['field'])).toContain('sku');
  });
});
