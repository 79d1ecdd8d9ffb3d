import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { seedLocations, WAREHOUSE } from '../support/seed';
import { importTaken } from '../support/uploads';

interface ForecastBody {
  asOf: string;
  history: { date: string; units: number | null; censored: boolean }[];
  forecast: { date: string; mean: number }[];
}

/** Shipped orders of March 2010: two a week of 3 units, the last on 2010-03-29; one has its own shipped_at. */
function historyFile(): string {
  const rows = ['channel,external_id,ordered_at,shipped_at,sku,quantity,unit_price,status'];
  for (let d = 1; d <= 29; d += 4) {
    const day = `2010-03-${String(d).padStart(2, '0')}`;
    rows.push(`manual,H-${d},${day}T10:00:00Z,${d === 5 ? '2010-03-06T09:00:00Z' : ''},MUG,3,9.50,shipped`);
  }
  return `${rows.join('\n')}\n`;
}

describeEachBackend(
  'Imported history keeps its dates; forecast and restock run as of a past day',
  (backend) => {
    const t = useOwnerApi(backend);

    beforeAll(async () => {
      await seedLocations(t.api, WAREHOUSE);
      expect((await t.api.post('/api/v1/products', { sku: 'MUG', title: 'Mug', unitCost: 3 })).status).toBe(
        201,
      );
      // The seller counts stock today, then imports last years' shipped orders.
      await importTaken(t.api, 'stock', 'sku,location,quantity\nMUG,WH,100\n');
      const res = await importTaken(t.api, 'orders', historyFile());
      expect(res.body['applied']).toMatchObject({ ordersCreated: 8, ordersShipped: 8 });
    });

    it('writes the shipments at shipped_at, else ordered_at (not at import time)', async () => {
      const rows = await t.sw.db.query<{ day: string; units: number }>(
        `SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, -on_hand_delta AS units
       FROM stock_movements m JOIN products p ON p.id = m.product_id WHERE p.sku = 'MUG' AND m.type = 'shipment' ORDER BY occurred_at`,
      );
      expect(rows.map((r) => r.day)).toEqual([
        '2010-03-01',
        '2010-03-06',
        '2010-03-09',
        '2010-03-13',
        '2010-03-17',
        '2010-03-21',
        '2010-03-25',
        '2010-03-29',
      ]);
      expect(rows.every((r) => r.units === 3)).toBe(true);
    });

    it('GET /forecasts/{sku}?asOf= forecasts from the history before that day, its quiet days not censored', async () => {
      const res = await t.api.get('/api/v1/forecasts/MUG?asOf=2010-03-30&historyDays=30');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const f = res.body as unknown as ForecastBody;
      expect(f.asOf).toBe('2010-03-30');
      expect(f.forecast[0]?.date).toBe('2010-03-30');
      const march = f.history.filter((h) => h.date >= '2010-03-01');
      expect(march).toHaveLength(29);
      // 24 units over 29 days, none censored: the shipments imply the stock they came from.
      expect(march.reduce((s, h) => s + (h.units ?? 0), 0)).toBe(24);
      expect(march.filter((h) => h.censored)).toEqual([]);
      expect(f.forecast.reduce((s, p) => s + p.mean, 0)).toBeGreaterThan(0);
    });

    it('refuses an asOf that is not a calendar date, naming the field', async () => {
      const res = await t.api.get('/api/v1/forecasts/MUG?asOf=2010-02-30');
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('asOf');
    });

    it('GET /restock?asOf= plans as of that day', async () => {
      const res = await t.api.get('/api/v1/restock?asOf=2010-03-30&sku=MUG');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body['asOf']).toBe('2010-03-30');
      const items = res.body.items as { sku: string; reasoning: { dailyDemand: number } }[];
      expect(items.map((i) => i.sku)).toEqual(['MUG']);
      expect(items[0]!.reasoning.dailyDemand).toBeGreaterThan(0);
    });
  },
);
