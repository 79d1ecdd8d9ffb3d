import { beforeAll, expect, it } from 'vitest';
import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { todayUtc, type ForecastPoint as Point } from '../../src/forecasting/forecast.service';
import { describeEachBackend } from '../support/backends';
import { demoProducts, useDemoSeller } from '../support/demo-seller';
import { client } from '../support/http-client';

const day = (offset: number) => isoDate(parseIsoDate(todayUtc()) + offset);

describeEachBackend('Seller events and the forecast', (backend) => {
  const seller = useDemoSeller(backend, 4);
  let sku: string;
  let category: string;

  beforeAll(async () => {
    const [first] = await demoProducts(seller, 10);
    sku = first!.sku;
    category = first!.category ?? '';
  }, 180_000);

  it('creates, lists, replaces and deletes events; bad input is a 400 naming the field and stores nothing', async () => {
    const api = client(seller.app, seller.token);
    const created = await api.post('/api/v1/events', {
      name: '  Spring sale ',
      startsOn: day(-400),
      endsOn: day(-394),
      scope: 'category',
      category,
      lift: null,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Spring sale',
      scope: 'category',
      category,
      skus: [],
      lift: null,
    });
    const id = created.body['id'] as number;
    const replaced = await api.call('PUT', `/api/v1/events/${String(id)}`, {
      body: { name: 'Spring sale', startsOn: day(-400), endsOn: day(-390), scope: 'all', lift: 1.2 },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ endsOn: day(-390), scope: 'all', category: null, lift: 1.2 });

    const bad = [
      [{ name: 'x', startsOn: day(5), endsOn: day(4) }, 'endsOn'],
      [{ name: 'x', startsOn: day(5), endsOn: day(6), lift: -1 }, 'lift'],
      [{ name: 'x', startsOn: day(5), endsOn: day(6), scope: 'skus', skus: ['NO-SUCH-SKU'] }, 'skus.0'],
      [{ name: 'x', startsOn: day(5), endsOn: day(6), scope: 'category' }, 'category'],
      [{ name: 'x', startsOn: day(5), endsOn: day(900) }, 'endsOn'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await api.post('/api/v1/events', body);
      expect(res.status, field).toBe(400);
      expect(res.body['field'], JSON.stringify(res.body)).toBe(field);
    }
    const listed = await api.get('/api/v1/events');
    expect(listed.body.items).toHaveLength(1);
    expect((await api.delete(`/api/v1/events/${String(id)}`)).status).toBe(204);
    expect((await api.get(`/api/v1/events/${String(id)}`)).status).toBe(404);
    expect((await api.get('/api/v1/events')).body.items).toHaveLength(0);
  });

  it('an event entered through the API changes the forecast over its dates, and only there', async () => {
    const api = client(seller.app, seller.token);
    await seller.sw.forecasts.run(seller.actor, { horizon: 60 });
    const path = `/api/v1/forecasts/${encodeURIComponent(sku)}?horizon=60`;
    const before = await api.get(path);
    expect(before.body['source']).toBe('stored');
    const created = await api.post('/api/v1/events', {
      name: 'Launch promotion',
      startsOn: day(20),
      endsOn: day(26),
      scope: 'skus',
      skus: [sku],
      lift: 2,
    });
    expect(created.status).toBe(201);
    const after = await api.get(path);
    // The stored run predates the event: the forecast is computed again with it.
    expect(after.body['source']).toBe('computed');
    const b = before.body['forecast'] as Point[];
    const a = after.body['forecast'] as Point[];
    const sum = (points: Point[], from: number, to: number) =>
      points.filter((p) => p.date >= day(from) && p.date <= day(to)).reduce((s, p) => s + p.mean, 0);
    expect(sum(b, 20, 26)).toBeGreaterThan(0);
    expect(sum(a, 20, 26) / sum(b, 20, 26)).toBeCloseTo(2, 1);
    expect(sum(a, 0, 19) / sum(b, 0, 19)).toBeCloseTo(1, 1);
    expect(sum(a, 27, 59) / sum(b, 27, 59)).toBeCloseTo(1, 1);
    // The next run stores it.
    await seller.sw.forecasts.run(seller.actor, { horizon: 60 });
    const stored = await api.get(path);
    expect(stored.body['source']).toBe('stored');
    expect(sum(stored.body['forecast'] as Point[], 20, 26) / sum(b, 20, 26)).toBeCloseTo(2, 1);
  });

  it("serves a marketplace's built-in calendar, US when none is given", async () => {
    const api = client(seller.app, seller.token);
    const de = await api.get('/api/v1/events/calendar?from=2024-11-01&to=2024-12-31&marketplace=DE');
    expect(de.status).toBe(200);
    const days = de.body['days'] as { date: string; name: string; kind: string }[];
    expect(days).toContainEqual({ date: '2024-11-29', name: 'Black Friday', kind: 'retail' });
    expect(days).toContainEqual({ date: '2024-12-26', name: 'Zweiter Weihnachtstag', kind: 'holiday' });
    const us = await api.get('/api/v1/events/calendar?from=2024-07-01&to=2024-07-31');
    expect(us.body['marketplace']).toBe('US');
    expect((await api.get('/api/v1/events/calendar?from=2024-07-31&to=2024-07-01')).body['field']).toBe('to');
  });
});
