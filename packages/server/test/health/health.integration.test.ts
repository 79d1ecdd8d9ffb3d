import { expect, it } from 'vitest';
import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { averageOnHand, dailyInStock, healthFactors } from '@stockwise/domain/health/factors';
import type { LedgerDay } from '@stockwise/domain/forecasting/daily-history';
import { healthRepository } from '@stockwise/db/health/health.repository';
import { toSkuInput } from '../../src/health/health.service';
import { ledgerDaysBySku } from '../support/ledger-days';
import { describeEachBackend } from '../support/backends';
import { useOwnerApi } from '../support/owner-api';
import { useDemoSeller } from '../support/demo-seller';
import { client } from '../support/http-client';

const today = new Date().toISOString().slice(0, 10);

describeEachBackend('Inventory health on the demo seller', (backend) => {
  const seller = useDemoSeller(backend, 14);

  it('GET /health/ipi: a proxy in 0–1000 explained per factor, with bands and the SKUs dragging each factor', async () => {
    const res = await client(seller.app, seller.token).get('/api/v1/health/ipi');
    expect(res.status).toBe(200);
    const body = res.body as unknown as {
      score: number;
      proxy: boolean;
      warning: boolean;
      band: string;
      factors: Record<
        string,
        {
          value: number | null;
          points: number;
          maxPoints: number;
          band: string | null;
          draggers: unknown[];
        }
      >;
    };
    expect(body.proxy).toBe(true);
    expect(body.score).toBeGreaterThanOrEqual(0);
    expect(body.score).toBeLessThanOrEqual(1000);
    expect(body.warning).toBe(body.score < 400);
    expect(Object.keys(body.factors).sort()).toEqual([
      'excessPercent',
      'inStockRate',
      'sellThrough',
      'strandedPercent',
    ]);
    const points = Object.values(body.factors).reduce((s, f) => s + f.points, 0);
    expect(Math.abs(points - body.score)).toBeLessThanOrEqual(1);
    for (const f of Object.values(body.factors)) {
      if (f.value !== null) expect(['poor', 'fair', 'good', 'excellent']).toContain(f.band);
      expect(f.points).toBeLessThanOrEqual(f.maxPoints + 1e-9);
    }
    // The demo has inactive and broken listings with stock: they are named.
    expect(body.factors['strandedPercent']!.draggers.length).toBeGreaterThan(0);
    expect((await client(seller.app, seller.token).get('/api/v1/health/ipi?asOf=2025-02-30')).status).toBe(
      400,
    );
  });

  it('SQL factor inputs equal the domain rebuild from ledger days (in-stock days, average on hand) and the totals add up', async () => {
    const rows = await healthRepository.skuFactorsPage(seller.sw.db, seller.actor.accountId, {
      asOf: today,
      limit: 1000,
    });
    const from = isoDate(parseIsoDate(today) - 90);
    const perSku = await ledgerDaysBySku(seller.sw, seller.actor.accountId, { from, to: today });
    let checked = 0;
    for (const r of rows) {
      const e = perSku.get(r.sku) ?? { opening: 0, days: [] };
      const last30 = e.days.filter((d) => d.day >= 60).map((d) => ({ ...d, day: d.day - 60 }));
      const opening30 = e.opening + e.days.filter((d) => d.day < 60).reduce((s, d) => s + d.onHandDelta, 0);
      // Days summed over locations first (a SKU is in stock when any location has it).
      const merged = new Map<number, LedgerDay>();
      for (const d of last30) {
        const m = merged.get(d.day) ?? { day: d.day, unitsSold: 0, onHandDelta: 0, unitsArrived: 0 };
        m.onHandDelta += d.onHandDelta;
        m.unitsArrived += d.unitsArrived;
        merged.set(d.day, m);
      }
      const inStock = dailyInStock([...merged.values()], { days: 30, openingOnHand: opening30 }).filter(
        Boolean,
      ).length;
      expect(r.inStockDays30, r.sku).toBe(inStock);
      expect(r.averageOnHand90, r.sku).toBeCloseTo(
        averageOnHand(e.days, { days: 90, openingOnHand: e.opening }),
        6,
      );
      checked++;
    }
    expect(checked).toBe(14);
    const overview = await healthRepository.overview(seller.sw.db, seller.actor.accountId, {
      asOf: today,
      top: 3,
    });
    const { sums } = healthFactors(rows.map(toSkuInput));
    for (const key of Object.keys(sums) as (keyof typeof sums)[])
      expect(overview.totals[key], key).toBeCloseTo(sums[key], 6);
  });

  it('what-if: fixing the worst stranded listing and removing the biggest excess raise the proxy; unknown SKUs are refused', async () => {
    const api = client(seller.app, seller.token);
    const ipi = (await api.get('/api/v1/health/ipi')).body as unknown as {
      score: number;
      factors: Record<string, { draggers: { sku: string; units: number }[] }>;
    };
    const stranded = ipi.factors['strandedPercent']!.draggers[0]!;
    const res = await api.post('/api/v1/health/what-if', {
      actions: [{ kind: 'fixListing', sku: stranded.sku }],
    });
    expect(res.status).toBe(200);
    expect(res.body['before']).toMatchObject({ score: ipi.score });
    expect(res.body['change'] as number).toBeGreaterThanOrEqual(0);
    expect(String(res.body['explanation'])).toContain('strandedPercent');
    const excess = ipi.factors['excessPercent']!.draggers[0];
    if (excess) {
      const removal = await api.post('/api/v1/health/what-if', {
        actions: [{ kind: 'remove', sku: excess.sku, units: excess.units }],
      });
      expect(removal.body['change'] as number).toBeGreaterThanOrEqual(0);
    }
    expect(
      (await api.post('/api/v1/health/what-if', { actions: [{ kind: 'fixListing', sku: 'NO-SUCH' }] }))
        .status,
    ).toBe(404);
    // Nothing changed.
    expect(((await api.get('/api/v1/health/ipi')).body as unknown as { score: number }).score).toBe(
      ipi.score,
    );
  });
});

describeEachBackend('Inventory health: hand-checked cases through the API', (backend) => {
  const t = useOwnerApi(backend);

  it('records the real Amazon score and shows the proxy week by week', async () => {
    expect(
      (await t.api.post('/api/v1/health/ipi/amazon-scores', { score: 512, asOf: '2025-06-30' })).status,
    ).toBe(201);
    const ipi = await t.api.get('/api/v1/health/ipi');
    expect(ipi.body['amazonScore']).toMatchObject({ score: 512, asOf: '2025-06-30', marketplace: 'US' });
    await t.sw.health.snapshot(t.owner.actor);
    const history = await t.api.get('/api/v1/health/ipi/history?weeks=3');
    const weeks = history.body['weeks'] as { source: string; score: number }[];
    expect(weeks).toHaveLength(3);
    expect(weeks[2]!.source).toBe('stored');
    expect((history.body['amazonScores'] as unknown[]).length).toBe(1);
  });
});
