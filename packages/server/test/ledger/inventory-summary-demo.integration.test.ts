import { expect, it } from 'vitest';
import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { simulateDemoSeller } from '@stockwise/domain/demo/generate';
import { todayUtc } from '../../src/forecasting/forecast.service';
import { describeEachBackend } from '../support/backends';
import { useDemoSeller } from '../support/demo-seller';
import { client } from '../support/http-client';

interface RestockRow {
  sku: string;
  location: string;
  alert: string | null;
}
interface SummaryBody {
  stockOuts: { count: number; skuCount: number; skus: string[] };
  locations: { code: string; stockOuts: number }[];
}

/**
 * The overview's stock-out figures are the planning positions' `out_of_stock` alerts (issue 12): per
 * location, in all (a SKU out at two locations counts at each), and the same positions the restock
 * rows flag — one number for one fact, on the demo seller.
 */
describeEachBackend('Inventory summary stock-outs on the demo seller', (backend) => {
  const seller = useDemoSeller(backend, 60);

  it('counts per location the positions out of stock there, and in all their sum', async () => {
    const { asOf, positions } = await seller.sw.planning.position(seller.actor);
    const summary = await seller.sw.inventory.summary(seller.actor, { asOf });
    const out = positions.filter((p) => p.alert === 'out_of_stock');
    // The demo seller has stock-outs, at FBA-US at least: the figures below are not all zero.
    expect(out.some((p) => p.location === 'FBA-US')).toBe(true);
    const expected = new Map<string, number>();
    for (const p of out) expected.set(p.location, (expected.get(p.location) ?? 0) + 1);
    expect(summary.locations.length).toBeGreaterThanOrEqual(2);
    for (const location of summary.locations)
      expect(location.stockOuts, location.code).toBe(expected.get(location.code) ?? 0);
    expect(summary.stockOuts.count).toBe(out.length);
    const skus = [...new Set(out.map((p) => p.sku))].sort();
    expect(summary.stockOuts.skuCount).toBe(skus.length);
    expect(summary.stockOuts.skus).toEqual(skus.slice(0, 50));
    // Each counted position sells and has nothing available there (the rule lives in the position).
    for (const p of out) {
      expect(p.sells).toBe(true);
      expect(p.available).toBeLessThanOrEqual(0);
    }
  });

  it('agrees over HTTP with the restock rows flagged out of stock, location by location', async () => {
    const api = client(seller.app, seller.token);
    const summary = (await api.get('/api/v1/inventory/summary')).body as unknown as SummaryBody;
    const restock = (await api.get('/api/v1/restock')).body as unknown as { items: RestockRow[] };
    const flagged = new Set(
      restock.items.filter((i) => i.alert === 'out_of_stock').map((i) => `${i.location}\u0001${i.sku}`),
    );
    const perLocation = new Map<string, number>();
    for (const key of flagged) {
      const location = key.split('\u0001')[0]!;
      perLocation.set(location, (perLocation.get(location) ?? 0) + 1);
    }
    expect(flagged.size).toBeGreaterThan(0);
    expect(summary.stockOuts.count).toBe(flagged.size);
    for (const location of summary.locations)
      expect(location.stockOuts, location.code).toBe(perLocation.get(location.code) ?? 0);
  });

  it('holds, per SKU and location, the stock the demo simulation ended with', async () => {
    const { finalStock } = simulateDemoSeller({ skuCount: 60, asOf: isoDate(parseIsoDate(todayUtc()) - 1) });
    const res = await client(seller.app, seller.token).get('/api/v1/inventory?limit=1000');
    expect(res.status).toBe(200);
    const onHand = new Map(
      (res.body.items as { sku: string; location: string; onHand: number }[]).map((b) => [
        `${b.sku}@${b.location}`,
        b.onHand,
      ]),
    );
    expect(finalStock.length).toBeGreaterThan(60);
    for (const f of finalStock) expect(onHand.get(`${f.sku}@${f.location}`) ?? 0, f.sku).toBe(f.onHand);
  });
});
