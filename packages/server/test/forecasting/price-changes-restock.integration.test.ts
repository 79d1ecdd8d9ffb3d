import { beforeAll, expect, it } from 'vitest';
import type { PriceChangeNote } from '@stockwise/domain/forecasting/types';
import { describeEachBackend } from '../support/backends';
import { dateAt } from '../support/days';
import type { RestockItem } from '../replenishment/sales-history';
import { restockLine, seedFbaMugs } from '../replenishment/sales-history';
import { useOwnerApi } from '../support/owner-api';

interface Restock extends RestockItem {
  reasoning: RestockItem['reasoning'] & { forecastPriceChanges: PriceChangeNote[] };
}

describeEachBackend('Planned price changes in restock', (backend) => {
  const t = useOwnerApi(backend);

  beforeAll(async () => {
    await seedFbaMugs(t, { 'CUT-A': 200, 'CUT-B': 200 });
  }, 120_000);

  const restockOf = (sku: string) => restockLine<Restock>(t, sku);

  it('a planned 20% cut over the next 30 days raises the order and the reasoning lists it; deleting it restores the plan', async () => {
    const before = await restockOf('CUT-A');
    const other = await restockOf('CUT-B');
    expect(before.reasoning.forecastPriceChanges).toEqual([]);
    const created = await t.api.post('/api/v1/events', {
      name: 'Summer cut',
      startsOn: dateAt(0),
      endsOn: dateAt(29),
      scope: 'skus',
      skus: ['CUT-A'],
      priceFactor: 0.8,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const after = await restockOf('CUT-A');
    expect(after.recommendedQuantity).toBeGreaterThan(before.recommendedQuantity);
    expect(after.reasoning.forecastPriceChanges).toHaveLength(1);
    const change = after.reasoning.forecastPriceChanges[0]!;
    expect(change).toMatchObject({
      name: 'Summer cut',
      startsOn: dateAt(0),
      endsOn: dateAt(29),
      priceFactor: 0.8,
    });
    expect(change.demandMultiplier).toBeGreaterThan(1);
    expect(after.reasoning.summary).toContain(
      `Planned price change included: "Summer cut" from ${dateAt(0)} to ${dateAt(29)}: price ×0.8 (−20%), demand ×${String(change.demandMultiplier)}`,
    );
    // One truth: the forecast endpoint lists the same change with the same multiplier.
    const forecast = await t.api.get('/api/v1/forecasts/CUT-A?location=FBA1&horizon=60');
    expect(forecast.body['priceChanges']).toEqual([change]);
    // A SKU outside the event's scope is untouched.
    const otherAfter = await restockOf('CUT-B');
    expect(otherAfter.recommendedQuantity).toBe(other.recommendedQuantity);
    expect(otherAfter.reasoning.forecastPriceChanges).toEqual([]);

    // The nightly run stores forecasts with the cut: the plan still sees it, and still says so.
    await t.sw.forecasts.run(t.owner.actor, {});
    const stored = await restockOf('CUT-A');
    expect(stored.recommendedQuantity).toBeGreaterThan(before.recommendedQuantity);
    expect(stored.reasoning.forecastPriceChanges).toEqual([change]);

    // Deleting the event makes those stored forecasts stale: the plan is as before the cut.
    const id = (created.body as { id: number }).id;
    expect((await t.api.delete(`/api/v1/events/${String(id)}`)).status).toBe(204);
    const restored = await restockOf('CUT-A');
    expect(restored.recommendedQuantity).toBe(before.recommendedQuantity);
    expect(restored.reasoning.forecastPriceChanges).toEqual([]);
    expect(restored.reasoning.summary).not.toContain('Planned price change');
  }, 120_000);
});
