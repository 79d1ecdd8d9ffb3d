import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';
import { dateAt } from '../support/days';
import type { RestockItem } from '../replenishment/sales-history';
import { restockLine, seedFbaMugs } from '../replenishment/sales-history';
import { useOwnerApi } from '../support/owner-api';

interface Restock extends RestockItem {
  reasoning: RestockItem['reasoning'] & { forecastOverrides: { mode: string; days: number }[] };
}

describeEachBackend('Forecast overrides', (backend) => {
  const t = useOwnerApi(backend);

  beforeAll(async () => {
    await seedFbaMugs(t, { 'MUG-A': 400, 'MUG-B': 200 });
  }, 120_000);

  const restockOf = (sku: string) => restockLine<Restock>(t, sku);

  it('a SKU override changes its restock quantity and the reasoning says so; removing it restores the plan', async () => {
    const before = await restockOf('MUG-A');
    const other = await restockOf('MUG-B');
    expect(before.reasoning.forecastOverrides).toEqual([]);
    const put = await t.api.call('PUT', '/api/v1/forecasts/MUG-A/overrides', {
      body: {
        overrides: [{ startsOn: dateAt(0), endsOn: dateAt(200), mode: 'scale', value: 3, note: 'TV spot' }],
      },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      sku: 'MUG-A',
      overrides: [{ mode: 'scale', value: 3, note: 'TV spot' }],
    });
    const after = await restockOf('MUG-A');
    expect(after.recommendedQuantity).toBeGreaterThan(before.recommendedQuantity);
    expect(after.reasoning.forecastOverrides[0]).toMatchObject({ mode: 'scale' });
    expect(after.reasoning.summary).toContain('Forecast overridden by you: ×3');
    // The other SKU of the category is untouched.
    expect((await restockOf('MUG-B')).recommendedQuantity).toBe(other.recommendedQuantity);
    // The forecast endpoint shows the same override over the same days.
    const f = await t.api.get('/api/v1/forecasts/MUG-A?horizon=30');
    expect((f.body['overrides'] as { mode: string }[])[0]).toMatchObject({ mode: 'scale', days: 30 });
    expect((await t.api.delete('/api/v1/forecasts/MUG-A/overrides')).status).toBe(204);
    expect((await restockOf('MUG-A')).recommendedQuantity).toBe(before.recommendedQuantity);
  });

  it('a category replacement sets demand for each of its SKUs', async () => {
    const before = await restockOf('MUG-B');
    expect(before.recommendedQuantity).toBeGreaterThan(0);
    const put = await t.api.call('PUT', '/api/v1/forecasts/categories/Mugs/overrides', {
      body: { overrides: [{ startsOn: dateAt(0), endsOn: dateAt(300), mode: 'replace', value: 0 }] },
    });
    expect(put.status).toBe(200);
    const after = await restockOf('MUG-B');
    expect(after.recommendedQuantity).toBe(0);
    expect(after.reasoning.summary).toContain('0 units/day');
    expect((await t.api.get('/api/v1/forecasts/categories/Mugs/overrides')).body['overrides']).toHaveLength(
      1,
    );
    expect((await t.api.delete('/api/v1/forecasts/categories/Mugs/overrides')).status).toBe(204);
    expect((await restockOf('MUG-B')).recommendedQuantity).toBe(before.recommendedQuantity);
  });

  it('bad input is a 400 naming the field and changes nothing; an unknown SKU is refused', async () => {
    const period = { startsOn: dateAt(0), endsOn: dateAt(6), mode: 'scale', value: 2 };
    const bad = [
      [[{ ...period, endsOn: dateAt(-1) }], 'overrides.0.endsOn'],
      [[{ ...period, value: -1 }], 'overrides.0.value'],
      [[period, { ...period, startsOn: dateAt(3), endsOn: dateAt(9) }], 'overrides.1.startsOn'],
      [[{ ...period, mode: 'double' }], 'overrides.0.mode'],
    ] as const;
    for (const [overrides, field] of bad) {
      const res = await t.api.call('PUT', '/api/v1/forecasts/MUG-A/overrides', { body: { overrides } });
      expect(res.status, field).toBe(400);
      expect(res.body['field'], JSON.stringify(res.body)).toBe(field);
    }
    expect((await t.api.get('/api/v1/forecasts/MUG-A/overrides')).body['overrides']).toEqual([]);
    const unknown = await t.api.call('PUT', '/api/v1/forecasts/NOPE/overrides', {
      body: { overrides: [period] },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body['field']).toBe('sku');
  });
});
