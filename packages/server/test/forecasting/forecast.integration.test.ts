import { beforeAll, expect, it } from 'vitest';
import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { accuracyPeriod } from '@stockwise/domain/forecasting/accuracy';
import { todayUtc, type ForecastPoint as Point } from '../../src/forecasting/forecast.service';
import { describeEachBackend } from '../support/backends';
import { demoProducts, useDemoSeller } from '../support/demo-seller';
import { client } from '../support/http-client';

describeEachBackend('Forecasts on the demo seller', (backend) => {
  const seller = useDemoSeller(backend, 40);
  let skus: string[];

  beforeAll(async () => {
    skus = (await demoProducts(seller)).map((p) => p.sku);
  }, 180_000);

  it('runs as a background job that reports progress and stores a forecast per SKU × location and per SKU', async () => {
    const api = client(seller.app, seller.token);
    const started = await api.post('/api/v1/forecasts/run', { horizon: 60 });
    expect(started.status).toBe(202);
    expect(started.body['status']).toBe('queued');
    expect(await seller.sw.jobs.runOnce()).toBe(true);
    const job = await api.get(`/api/v1/jobs/${String(started.body['id'])}`);
    expect(job.body).toMatchObject({ status: 'succeeded', progress: 1 });
    const result = job.body['result'] as { series: number };
    expect(result.series).toBeGreaterThanOrEqual(skus.length);
  });

  it('answers for every SKU: ordered, non-negative quantiles, never NaN, with the history it saw', async () => {
    const api = client(seller.app, seller.token);
    for (const sku of skus) {
      const res = await api.get(`/api/v1/forecasts/${encodeURIComponent(sku)}?horizon=60`);
      expect(res.status, sku).toBe(200);
      expect(res.body['source']).toBe('stored');
      const points = res.body['forecast'] as Point[];
      expect(points).toHaveLength(60);
      for (const p of points) {
        for (const v of [p.mean, p.q50, p.q80, p.q90, p.q95, p.q99]) expect(Number.isFinite(v)).toBe(true);
        expect(p.mean).toBeGreaterThanOrEqual(0);
        expect(p.q50).toBeLessThanOrEqual(p.q80);
        expect(p.q80).toBeLessThanOrEqual(p.q90);
        expect(p.q90).toBeLessThanOrEqual(p.q95);
        expect(p.q95).toBeLessThanOrEqual(p.q99);
      }
      expect((res.body['history'] as unknown[]).length).toBe(365);
    }
    const atLocation = await api.get(
      `/api/v1/forecasts/${encodeURIComponent(skus[0]!)}?location=FBA-US&horizon=10`,
    );
    expect(atLocation.body).toMatchObject({ location: 'FBA-US' });
    expect((await api.get('/api/v1/forecasts/NO-SUCH-SKU')).status).toBe(404);
  });

  it('marks stock-out days as censored instead of zero demand', async () => {
    const api = client(seller.app, seller.token);
    let censored = 0;
    for (const sku of skus) {
      const res = await api.get(
        `/api/v1/forecasts/${encodeURIComponent(sku)}?location=FBA-US&horizon=1&historyDays=365`,
      );
      censored += (res.body['history'] as { censored: boolean; units: number | null }[]).filter(
        (d) => d.censored && d.units === null,
      ).length;
    }
    expect(censored).toBeGreaterThan(0);
  });

  it('tracks accuracy once actuals arrive', async () => {
    const asOf = isoDate(parseIsoDate(todayUtc()) - 35);
    const api = client(seller.app, seller.token);
    // A run from a past day (as that day's run would have forecast), through the API's job.
    const future = await api.post('/api/v1/forecasts/run', { asOf: isoDate(parseIsoDate(todayUtc()) + 1) });
    expect(future.status).toBe(400);
    expect(future.body['field']).toBe('asOf');
    expect((await api.post('/api/v1/forecasts/run', { horizon: 28, asOf })).status).toBe(202);
    expect(await seller.sw.jobs.runOnce()).toBe(true);
    const res = await api.get('/api/v1/forecasts/accuracy?windowDays=28');
    expect(res.status).toBe(200);
    expect(res.body['forecastsScored']).toBeGreaterThan(0);
    const overall = res.body['overall'] as { wape: number; baselineWape: number; coverage: { q90: number } };
    expect(overall.wape).toBeGreaterThan(0);
    expect(overall.wape).toBeLessThan(1.5);
    // Against the seasonal-naive forecast made at the same origin: scored on the same days, and the
    // model beats repeating last week on the demo seller's weekly, promotional demand.
    expect(overall.baselineWape).toBeGreaterThan(overall.wape);
    const perSku = res.body['perSku'] as { wape: number; baselineWape: number; category: string | null }[];
    expect(perSku.every((r) => r.baselineWape >= 0 && r.category !== undefined)).toBe(true);
    expect(perSku.map((r) => r.wape)).toEqual(perSku.map((r) => r.wape).sort((x, y) => y - x));
    expect(overall.coverage.q90).toBeGreaterThan(0.6);
    // The SKUs missed by the most units, over every forecast of each: worst first, each WAPE its
    // units missed over its units sold, and together no more than the whole account missed.
    const worst = res.body['worstSkus'] as {
      sku: string;
      forecasts: number;
      actual: number;
      missed: number;
      wape: number | null;
      baselineWape: number | null;
    }[];
    expect(worst.length).toBeGreaterThan(0);
    expect(worst.length).toBeLessThanOrEqual(10);
    expect(new Set(worst.map((w) => w.sku)).size).toBe(worst.length);
    expect(worst.map((w) => w.missed)).toEqual(worst.map((w) => w.missed).sort((x, y) => y - x));
    for (const w of worst) {
      expect(w.forecasts).toBeGreaterThan(0);
      if (w.actual > 0) expect(w.wape).toBeCloseTo(w.missed / w.actual, 9);
      expect(w.baselineWape === null || w.baselineWape >= 0).toBe(true);
    }
    const overallActual = (res.body['byCategory'] as { actual: number }[]).reduce((n, c) => n + c.actual, 0);
    expect(worst.reduce((n, w) => n + w.missed, 0)).toBeLessThanOrEqual(overall.wape * overallActual + 1e-6);
    // Over time: the run scored falls in the week of its first day, overall and per category, and the
    // categories' observed days add up to the whole.
    const week = accuracyPeriod(asOf);
    const series = res.body['series'] as { period: string; wape: number; observedDays: number }[];
    expect(series.map((p) => p.period)).toContain(week);
    const byCategory = res.body['byCategory'] as {
      category: string | null;
      observedDays: number;
      series: { period: string }[];
    }[];
    expect(byCategory.length).toBeGreaterThan(1);
    expect(byCategory.reduce((n, c) => n + c.observedDays, 0)).toBe(res.body['observedDays']);
    for (const c of byCategory) expect(c.series.map((p) => p.period)).toContain(week);
  });

  it('answers accuracy again from the ledger as it is after a write, not from an earlier answer', async () => {
    const api = client(seller.app, seller.token);
    const first = await api.get('/api/v1/forecasts/accuracy?windowDays=28');
    const again = await api.get('/api/v1/forecasts/accuracy?windowDays=28');
    expect(again.body).toEqual(first.body);
    const scored = (first.body['perSku'] as { sku: string; asOf: string; wape: number }[])[0]!;
    // a backdated sale inside the scored window: that day's demand rises, so its WAPE must move
    const day = `${isoDate(parseIsoDate(scored.asOf) + 2)}T12:00:00.000Z`;
    const movement = { sku: scored.sku, location: 'FBA-US', occurredAt: day };
    expect(
      (await api.post('/api/v1/movements', { ...movement, type: 'receipt', quantity: 500 })).status,
    ).toBe(201);
    expect(
      (await api.post('/api/v1/movements', { ...movement, type: 'shipment', quantity: 400 })).status,
    ).toBe(201);
    const after = await api.get('/api/v1/forecasts/accuracy?windowDays=28');
    const rescored = (after.body['perSku'] as { sku: string; asOf: string; wape: number }[]).find(
      (r) => r.sku === scored.sku && r.asOf === scored.asOf,
    );
    expect(rescored?.wape).not.toBe(scored.wape);
    expect(after.body['overall']).not.toEqual(first.body['overall']);
  });
});
