import { expect, it } from 'vitest';
import { isoDate, parseIsoDate } from '@stockwise/domain/dates/dates';
import { describeEachBackend, useStockwise } from '../support/backends';
import { twoNetworkSeller } from '../support/two-network-seller';

const DAY = 86_400_000;
const today = parseIsoDate(new Date().toISOString().slice(0, 10));
const at = (day: number) => new Date(day * DAY + 12 * 3_600_000).toISOString();

interface Ipi {
  score: number;
  factors: Record<string, { value: number | null }>;
}

async function setUp(ctx: ReturnType<typeof useStockwise>) {
  const { owner, api, move } = await twoNetworkSeller(ctx, { skus: ['SLOW', 'FAST'] });
  const ipi = async (asOf: number): Promise<Ipi> => {
    const res = await api.get(`/api/v1/health/ipi?asOf=${isoDate(asOf)}`);
    expect(res.status).toBe(200);
    return res.body as unknown as Ipi;
  };
  const factors = (i: Ipi) => Object.fromEntries(Object.entries(i.factors).map(([k, f]) => [k, f.value]));
  /** A movement at noon on `day`. */
  const moveOn = (day: number, movement: { type: string; sku: string; location: string; quantity: number }) =>
    move({ ...movement, occurredAt: at(day) });
  return { api, moveOn, ipi, factors, accountId: owner.actor.accountId };
}

describeEachBackend('IPI proxy: Amazon scope and one demand definition', (backend) => {
  const ctx = useStockwise(backend);

  it('50,000 slow units received at WH1 leave the proxy unchanged; the same at FBA-US move it', async () => {
    const { moveOn, ipi, factors } = await setUp(ctx);
    await moveOn(today - 120, { type: 'receipt', sku: 'SLOW', location: 'FBA-US', quantity: 40 });
    await moveOn(today - 120, { type: 'receipt', sku: 'FAST', location: 'FBA-US', quantity: 300 });
    for (let d = 100; d > 5; d -= 5) {
      await moveOn(today - d, { type: 'shipment', sku: 'FAST', location: 'FBA-US', quantity: 10 });
      if (d % 25 === 0)
        await moveOn(today - d, { type: 'shipment', sku: 'SLOW', location: 'FBA-US', quantity: 1 });
    }
    const before = await ipi(today);

    await moveOn(today - 1, { type: 'receipt', sku: 'SLOW', location: 'WH1', quantity: 50_000 });
    const afterWarehouse = await ipi(today);
    expect(afterWarehouse.score).toBe(before.score);
    expect(factors(afterWarehouse)).toEqual(factors(before));

    await moveOn(today - 1, { type: 'receipt', sku: 'SLOW', location: 'FBA-US', quantity: 50_000 });
    const afterAmazon = await ipi(today);
    expect(afterAmazon.score).toBeLessThan(before.score);
    expect(afterAmazon.factors['excessPercent']!.value).toBeGreaterThan(
      before.factors['excessPercent']!.value!,
    );
  });

  it('two consecutive days without a change in stock or sales score the same, a stored forecast or not', async () => {
    const { moveOn, ipi, accountId } = await setUp(ctx);
    const d = today - 5;
    // 100 units on hand before both 90-day windows and again at their end; 20 shipped and 20 received
    // inside both: every factor's inputs are the same on D − 1 and on D.
    await moveOn(d - 150, { type: 'receipt', sku: 'SLOW', location: 'FBA-US', quantity: 100 });
    for (let k = 80; k > 70; k--)
      await moveOn(d - k, { type: 'shipment', sku: 'SLOW', location: 'FBA-US', quantity: 2 });
    await moveOn(d - 40, { type: 'receipt', sku: 'SLOW', location: 'FBA-US', quantity: 20 });
    // A forecast stored on D (50 a day): the IPI's demand does not switch to it on D.
    const [product] = await ctx.sw.db.query<{ id: number }>(
      `SELECT id FROM products WHERE account_id = $1 AND sku = 'SLOW'`,
      [accountId],
    );
    await ctx.sw.db.query(
      `INSERT INTO forecasts (account_id, product_id, location_id, as_of, horizon, model, demand_class, mean, quantiles, dispersion, level_variance)
       VALUES ($1, $2, NULL, $3::date, 90, 'test', 'smooth', $4::float8[], '{}'::jsonb, 0, 0)`,
      [accountId, product!.id, isoDate(d), Array.from({ length: 90 }, () => 50)],
    );
    const [before, on] = [await ipi(d - 1), await ipi(d)];
    expect(on.score).toBe(before.score);
    expect(on.factors).toEqual(before.factors);
    // 100 on hand against 20 shipped in 90 days: 80 units of excess on both days.
    expect(on.factors['excessPercent']!.value).toBeCloseTo(80, 6);
  });
});
