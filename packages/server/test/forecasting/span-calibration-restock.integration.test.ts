import { beforeAll, expect, it } from 'vitest';
import { forecastsRepository } from '@stockwise/db/forecasting/forecasts.repository';
import type { CatalogueSpanCalibration } from '@stockwise/domain/forecasting/span-calibration';
import { describeEachBackend } from '../support/backends';
import { restockLine, seedFbaMugs } from '../replenishment/sales-history';
import { useOwnerApi } from '../support/owner-api';
import { dayAt } from '../support/days';
import { productInput } from '../support/factories';

/** Every band of every span moved ×`meanScale` and widened to `levelScale` (decision 36's form). */
function calibration(meanScale: number, levelScale: number): CatalogueSpanCalibration {
  return [7, 14, 28].map((days) => ({
    days,
    bands: [0.1, 0.25, 0.5, 2, Infinity].map((below) => ({ below, meanScale, levelScale })),
  }));
}

describeEachBackend('Restock plans on the span calibration the forecast run stored', (backend) => {
  const t = useOwnerApi(backend);
  let runId = 0;

  beforeAll(async () => {
    await seedFbaMugs(t, { 'CAL-A': 200 });
    // Half a year of sales of a second SKU: enough history for honest span checks at two origins.
    const product = productInput({ sku: 'CAL-LONG', category: 'Mugs', price: 20 });
    expect((await t.api.post('/api/v1/products', product)).status).toBe(201);
    const at = { sku: 'CAL-LONG', location: 'FBA1' };
    const receipt = { type: 'receipt' as const, quantity: 2000, unitCost: 4 };
    const sales = Array.from({ length: 180 }, (_, i) => ({
      ...at,
      request: { type: 'shipment' as const, quantity: 1 + (i % 4) },
      occurredAt: dayAt(i - 180),
      unitPrice: 20,
      channel: 'amazon' as const,
    }));
    await t.sw.ledger.post(t.owner.actor, [{ ...at, request: receipt, occurredAt: dayAt(-181) }, ...sales]);
    runId = (await t.sw.forecasts.run(t.owner.actor, {})).runId;
  }, 120_000);

  const sql = () => t.sw.tx.sql;
  const store = (c: CatalogueSpanCalibration | null) =>
    forecastsRepository.finishRun(sql(), t.owner.actor.accountId, runId, {
      seriesCount: 2,
      spanCalibration: c,
    });
  const projectionOf = async () => {
    const res = await t.api.get('/api/v1/restock/projection/CAL-A?location=FBA1&days=60');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { days: { low95: number; high95: number }[] };
  };

  it('the nightly run stores the catalogue calibration it fitted, read back as stored', async () => {
    const stored = await forecastsRepository.spanCalibrations(sql(), t.owner.actor.accountId, [runId]);
    const fitted = stored.get(runId);
    // Four series (two SKUs at FBA1 and their totals), two checks at most each: fewer than a band needs,
    // so every band keeps the default scales; the open top band's edge is read back as Infinity.
    expect(fitted?.map((s) => s.days)).toEqual([7, 14, 28]);
    expect(fitted?.[2]?.bands.at(-1)).toEqual({ below: Infinity, meanScale: 1, levelScale: 0.25 });
  });

  it('a stored calibration moves the order and the projection bands; none stored plans on the default', async () => {
    const fitted = await restockLine(t, 'CAL-A');
    const fittedBands = await projectionOf();

    await store(calibration(2, 4));
    const wide = await restockLine(t, 'CAL-A');
    const wideBands = await projectionOf();
    expect(wide.recommendedQuantity).toBeGreaterThan(fitted.recommendedQuantity);
    const spread = (p: { days: { low95: number; high95: number }[] }) =>
      p.days.reduce((s, d) => s + d.high95 - d.low95, 0);
    expect(spread(wideBands)).toBeGreaterThan(spread(fittedBands));

    // No calibration stored: the explicit default, which the run's fit (all bands at the default) equals.
    await store(null);
    expect((await forecastsRepository.spanCalibrations(sql(), t.owner.actor.accountId, [runId])).size).toBe(
      0,
    );
    const none = await restockLine(t, 'CAL-A');
    expect(none.recommendedQuantity).toBe(fitted.recommendedQuantity);
    expect(spread(await projectionOf())).toBe(spread(fittedBands));
  }, 120_000);
});
